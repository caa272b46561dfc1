using System.Collections.Concurrent;
using Pcc.LocalHost.Payloads;
using Pcc.LocalHost.Triggers;
using Pcc.LocalHost.Worker;
using Pcc.Platform.Storage;

namespace Pcc.LocalHost;

/// <summary>
/// Runs a non-HTTP function on demand, as the host's <c>POST /admin/functions/{name}</c> does
/// (https://learn.microsoft.com/azure/azure-functions/functions-manually-run-non-http): a timer function gets a
/// timer payload with its current status; a blob function gets the blob named by <c>input</c>
/// (<c>container/name</c>). The request is accepted at once and the invocation runs in the background, once.
/// </summary>
public sealed class OnDemandInvoker(
    FunctionWorker worker, IReadOnlyDictionary<string, TimerScheduler> timers, IConfiguration configuration,
    StorageConnection storage, ILogger logger)
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Starts an invocation of <paramref name="functionName"/> with the admin request's <c>input</c>.</summary>
    public AdminInvokeResult Start(string functionName, string? input, CancellationToken stopping)
    {
        var function = worker.Functions.FirstOrDefault(f => string.Equals(f.Name, functionName, StringComparison.OrdinalIgnoreCase));
        Func<Task<InvocationResult>>? invoke = function switch
        {
            null => null,
            _ when function.Is("timerTrigger") && timers.TryGetValue(function.Name, out var timer) => () => timer.InvokeNowAsync(stopping),
            _ when function.Is("blobTrigger") && input?.Split('/', 2) is [{ Length: > 0 } container, { Length: > 0 } name] =>
                () => InvokeBlobAsync(function, container, name, stopping),
            _ => null,
        };

        if (function is null)
        {
            return AdminInvokeResult.NotFound;
        }

        if (invoke is null)
        {
            return AdminInvokeResult.NotInvocable;
        }

        var task = RunAsync(function.Name, invoke);
        _running[task] = true;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        return AdminInvokeResult.Accepted;
    }

    /// <summary>Waits for the invocations still running.</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    private async Task RunAsync(string functionName, Func<Task<InvocationResult>> invoke)
    {
        await Task.Yield();
        try
        {
            var result = await invoke();
            if (result.Succeeded)
            {
                worker.Log.For(functionName).LogInformation("Ran (admin request, {Elapsed:0} ms)", result.Elapsed.TotalMilliseconds);
            }
            else
            {
                worker.Log.For(functionName).LogError("Failed (admin request): {Error}", result.Error);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("{Function} could not be run (admin request): {Reason}", functionName, ex.Message);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<InvocationResult> InvokeBlobAsync(WorkerFunction function, string container, string blobName, CancellationToken cancellationToken)
    {
        var pattern = TriggerSetup.BlobPattern(function, configuration);
        var tokens = pattern.Match(blobName) ?? new Dictionary<string, string> { ["name"] = blobName };
        var blob = await BlobReader.ReadAsync(storage.GetBlobContainerClient(container), blobName, tokens, null, cancellationToken);
        if (blob is null)
        {
            return new InvocationResult("", false, $"There is no blob {container}/{blobName}.", TimeSpan.Zero);
        }

        var connection = TriggerSetup.Connection(function, configuration);
        return await worker.InvokeAsync(function.Name, r => BlobTriggerInput.Fill(r, function.TriggerName, connection, blob), retryOnCrash: true, cancellationToken);
    }
}
