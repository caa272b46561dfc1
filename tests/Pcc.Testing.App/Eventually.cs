namespace Pcc.Testing.App;

/// <summary>Waiting for an outcome the worker reaches in its own time (a blob scan, a queue message, an email).</summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="probe"/> until it holds, failing after <paramref name="timeout"/> (default 60 s: a bound
    /// for a loaded machine, not a speed target). A probe answered with a server error or no answer is asked again: a
    /// request the worker could not pair with its invocation in time fails with 500, as on the Functions host, and the
    /// outcome waited for is still to come; the last error is reported if it never does.
    /// </summary>
    public static async Task<T> Async<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            string last;
            try
            {
                var value = await probe();
                if (holds(value))
                {
                    return value;
                }

                last = $"last value: {value}";
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null || (int)ex.StatusCode >= 500)
            {
                last = $"last error: {ex.Message}";
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting for {what}; {last}");
            }

            await Task.Delay(50);
        }
    }
}
