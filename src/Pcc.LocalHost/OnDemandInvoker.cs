using System.Collections.Concurrent;
using Pcc.LocalHost.InProcess;
using Pcc.LocalHost.Payloads;
using Pcc.LocalHost.Triggers;
using Pcc.Notifications.Storage;

namespace Pcc.LocalHost;

/// <summary>
/// Runs a non-HTTP function on demand, as the host's <c>POST /admin/functions/{name}</c> does
/// (https://learn.microsoft.com/azure/azure-functions/functions-manually-run-non-http): a timer function gets a
/// timer payload with its current status; a blob function gets the blob named by <c>input</c>
/// (<c>container/name</c>). The request is accepted at once and the invocation runs in the background, once.
/// </summary>
public sealed class OnDemandInvoker(
    IReadOnlyCollection<FunctionDefinition> functions, IReadOnlyDictionary<string, TimerScheduler> timers,
    StorageConnection storage, HandlerClient handler, TimeProvider time, ILogger logger)
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Starts an invocation of <paramref name="functionName"/> with the admin request's <c>input</c>.</summary>
    public AdminInvokeResult Start(string functionName, string? input, CancellationToken stopping)
    {
        var function = functions.FirstOrDefault(f => string.Equals(f.Name, functionName, StringComparison.OrdinalIgnoreCase));
        Func<Task<HandlerReply>>? invoke = function?.Trigger switch
        {
            null => null,
            TimerTriggerBinding when timers.TryGetValue(function.Name, out var timer) => () => timer.InvokeNowAsync(stopping),
            BlobTriggerBinding blob when input?.Split('/', 2) is [{ Length: > 0 } container, { Length: > 0 } name] =>
                () => InvokeBlobAsync(function.Name, blob, container, name, stopping),
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

    private async Task RunAsync(string functionName, Func<Task<HandlerReply>> invoke)
    {
        await Task.Yield();
        try
        {
            var reply = await invoke();
            if (reply.Succeeded)
            {
                logger.LogInformation("{Function} ran (admin request)", functionName);
            }
            else
            {
                logger.LogError("{Function} failed (admin request): {Reply}", functionName, reply);
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

    private async Task<HandlerReply> InvokeBlobAsync(string functionName, BlobTriggerBinding binding, string container, string blobName, CancellationToken cancellationToken)
    {
        var tokens = BlobPathPattern.Parse(binding.Path).Match(blobName) ?? new Dictionary<string, string> { ["name"] = blobName };
        var blob = await BlobReader.ReadAsync(storage.GetBlobContainerClient(container), blobName, tokens, null, cancellationToken);
        if (blob is null)
        {
            return new HandlerReply(null, "", $"There is no blob {container}/{blobName}.");
        }

        return await handler.InvokeAsync(functionName, BlobTriggerPayload.Create(functionName, binding.Name, blob, time.GetUtcNow()), cancellationToken);
    }
}
