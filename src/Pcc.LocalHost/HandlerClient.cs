using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pcc.LocalHost;

/// <summary>
/// Calls the custom handler as the Functions host does: <c>GET /</c> until it answers, then <c>POST /{FunctionName}</c>
/// with the invocation payload (azure-functions-host <c>DefaultHttpWorkerService</c>).
/// </summary>
public sealed class HandlerClient(HttpClient http)
{
    /// <summary>The handler's address.</summary>
    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>Probes <c>GET /</c> until the handler answers, as the host does before sending work.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/", cancellationToken);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Sends one invocation; a connection failure is a failed reply, not an exception.</summary>
    public async Task<HandlerReply> InvokeAsync(string functionName, JsonObject payload, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync(Uri.EscapeDataString(functionName), payload, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new HandlerReply((int)response.StatusCode, body) { Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
        }
        catch (HttpRequestException ex)
        {
            return new HandlerReply(null, "", $"The handler could not be reached: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HandlerReply(null, "", $"The handler did not answer within {http.Timeout}.");
        }
    }
}
