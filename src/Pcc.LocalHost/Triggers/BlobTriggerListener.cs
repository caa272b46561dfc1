using System.Collections.Concurrent;
using Azure;
using Pcc.LocalHost.Payloads;
using Pcc.LocalHost.Worker;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// The blob trigger of one function, by container scan (the <c>LogsAndContainerScan</c> source without the logs):
/// every <see cref="LocalHostOptions.ScanInterval"/> the container is listed (every
/// <see cref="LocalHostOptions.BusyScanInterval"/> for a while after a scan found something new, so a run of uploads
/// is picked up quickly without listing more often when idle), and each blob version without a receipt is invoked. A failed invocation (non-2xx or no answer) is tried again, up to
/// <see cref="LocalHostOptions.MaxAttempts"/> in all; then the version goes to the poison queue. Either way a
/// receipt is written, so a version is handled once and a changed blob (new ETag) triggers again.
/// </summary>
public sealed class BlobTriggerListener(
    string functionName, string bindingName, BlobPathPattern pattern, BlobContainerClient container,
    BlobReceipts receipts, PoisonQueue poison, FunctionWorker worker, string connection, LocalHostOptions options, ILogger logger)
{
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.MaxParallelInvocations));
    private readonly string _functionId = FunctionId.For(functionName);

    /// <summary>Raised when a blob version has been handled (invoked successfully or poisoned).</summary>
    public event Action<BlobTriggerOutcome>? Processed;

    /// <summary>The container being watched.</summary>
    public string Container => pattern.Container;

    /// <summary>Scans until <paramref name="cancellationToken"/> fires, then waits for running invocations.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var busyUntil = 0L;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await ScanOnceAsync(cancellationToken) > 0)
                {
                    busyUntil = Environment.TickCount64 + (long)options.BusyWindow.TotalMilliseconds;
                }

                var busy = Environment.TickCount64 < busyUntil && options.BusyScanInterval < options.ScanInterval;
                await Task.Delay(busy ? options.BusyScanInterval : options.ScanInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Scanning {Container} for {Function} failed: {Reason}", pattern.Container, functionName, ex.Message);
                await Task.Delay(options.ScanInterval, CancellationToken.None);
            }
        }

        await Task.WhenAll(_inFlight.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Lists the container once and starts an invocation for each blob version not yet handled; returns how many it started.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        // Versions in flight before the receipts are listed are skipped even if they finish meanwhile: their receipt
        // may be missing from the listing, and the next scan will see it.
        var busy = _inFlight.Keys.ToHashSet(StringComparer.Ordinal);
        var done = await receipts.ListCompletedAsync(_functionId, cancellationToken);
        try
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, pattern.Prefix.Length > 0 ? pattern.Prefix : null, cancellationToken))
            {
                if (item.Properties.ETag is not { } listed || pattern.Match(item.Name) is not { } tokens)
                {
                    continue;
                }

                var etag = BlobReceipts.Quoted(listed);
                var key = BlobReceipts.Key(etag, pattern.Container, item.Name);
                if (!done.Contains(key) && !busy.Contains(key) && !_inFlight.ContainsKey(key))
                {
                    // Registered before it starts, so its own clean-up always finds it.
                    var work = new Task<Task>(() => ProcessAsync(key, item.Name, etag, tokens, cancellationToken));
                    _inFlight[key] = work.Unwrap();
                    work.Start(TaskScheduler.Default);
                    started++;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No container yet: nothing to trigger on.
        }

        return started;
    }

    private async Task ProcessAsync(string key, string blobName, ETag etag, IReadOnlyDictionary<string, string> tokens, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var blob = await BlobReader.ReadAsync(container, blobName, tokens, etag, cancellationToken);
            if (blob is not null)
            {
                var outcome = await InvokeWithRetriesAsync(blob, cancellationToken);
                // An invocation that has ended is recorded even while the host stops (it drains, then stops).
                await receipts.WriteAsync(_functionId, pattern.Container, blobName, etag, CancellationToken.None);
                if (!outcome.Succeeded)
                {
                    // After the receipt: a replay, which deletes the receipt, may follow as soon as the message is seen.
                    await poison.SendAsync(new PoisonMessage(_functionId, blob.Container, blob.Name, blob.ETag.ToString()), CancellationToken.None);
                    logger.LogError("{Blob} ({ETag}) went to the poison queue {Queue} after {Attempts} failed attempts of {Function}",
                        blob.Path, blob.ETag, poison.Name, outcome.Attempts, functionName);
                }

                Processed?.Invoke(outcome);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: without a receipt the version is picked up on the next start.
        }
        catch (Exception ex)
        {
            logger.LogWarning("Handling {Blob} ({ETag}) for {Function} failed; the next scan tries again: {Reason}", $"{pattern.Container}/{blobName}", etag, functionName, ex.Message);
        }
        finally
        {
            _slots.Release();
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task<BlobTriggerOutcome> InvokeWithRetriesAsync(TriggeredBlob blob, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var result = await worker.InvokeAsync(functionName, r => BlobTriggerInput.Fill(r, bindingName, connection, blob), retryOnCrash: true, cancellationToken);
            if (result.Succeeded)
            {
                worker.Log.For(functionName).LogInformation("Ran for {Blob} (attempt {Attempt}, {Elapsed:0} ms)", blob.Path, attempt, result.Elapsed.TotalMilliseconds);
                return new BlobTriggerOutcome(functionName, blob.Container, blob.Name, blob.ETag.ToString(), true, attempt, result);
            }

            worker.Log.For(functionName).LogError("Failed for {Blob} (attempt {Attempt} of {Attempts}): {Error}", blob.Path, attempt, attempts, result.Error);
            if (attempt == attempts)
            {
                return new BlobTriggerOutcome(functionName, blob.Container, blob.Name, blob.ETag.ToString(), false, attempt, result);
            }

            await Task.Delay(options.RetryDelay, cancellationToken);
        }
    }
}
