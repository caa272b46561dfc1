namespace Pcc.Testing;

/// <summary>
/// One running emulator per test run: started on first use, started again if its process has died, and stopped when
/// the test process exits.
/// </summary>
internal sealed class PerTestRun<T>(Func<Task<T>> start, Func<T, NodeTool> process)
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _current;

    public async Task<T> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_current is null || process(_current).HasExited)
            {
                var started = _current = await start();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => process(started).DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }
}
