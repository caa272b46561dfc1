using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// The queue trigger of one function, polled as the Functions host polls a storage queue: messages are received in
/// batches and held invisible while they run; a message whose invocation succeeds is deleted; one that fails becomes
/// visible again after <see cref="LocalHostOptions.QueueRetryDelay"/> (the host's <c>visibilityTimeout</c>), and after
/// <see cref="LocalHostOptions.MaxDequeueCount"/> deliveries it is moved to <c>{queue}-poison</c>, text unchanged. An
/// empty queue is polled less and less often, up to <see cref="LocalHostOptions.MaxQueuePollingInterval"/>.
/// </summary>
/// <remarks>
/// The invocation itself is a delegate (true = succeeded), so the listener does not care how the function runs.
/// </remarks>
public sealed class QueueTriggerListener(
    string functionName, QueueClient queue, QueueClient poison,
    Func<QueueMessage, CancellationToken, Task<bool>> invoke, LocalHostOptions options, ILogger logger)
{
    // The host's default: a message being handled stays invisible this long. The host renews it while the function runs;
    // this host does not, so a function running longer is delivered again (queue functions must be idempotent anyway).
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_minPoll = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.MaxParallelInvocations));

    /// <summary>Raised when a delivery of a message has been handled.</summary>
    public event Action<QueueTriggerOutcome>? Processed;

    /// <summary>The queue being polled.</summary>
    public string Queue => queue.Name;

    /// <summary>Polls until <paramref name="cancellationToken"/> fires, then waits for running invocations.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var running = new List<Task>();
        var delay = s_minPoll;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                running.RemoveAll(t => t.IsCompleted);
                var received = await ReceiveAsync(cancellationToken);
                foreach (var message in received)
                {
                    await _slots.WaitAsync(cancellationToken);
                    running.Add(Task.Run(() => HandleAsync(message, cancellationToken), CancellationToken.None));
                }

                delay = received.Length > 0 ? s_minPoll : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxQueuePollingInterval.Ticks));
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Polling {Queue} for {Function} failed: {Reason}", queue.Name, functionName, ex.Message);
                await Task.Delay(options.MaxQueuePollingInterval, CancellationToken.None);
            }
        }

        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.ReceiveMessagesAsync(options.QueueBatchSize, s_lease, cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No queue yet: nothing to trigger on.
            return [];
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            bool succeeded;
            try
            {
                succeeded = await invoke(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("{Function} could not be invoked for message {Id}: {Reason}", functionName, message.MessageId, ex.Message);
                succeeded = false;
            }

            var poisoned = false;
            if (succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message);
                poisoned = true;
            }
            else
            {
                logger.LogWarning("{Function} failed for message {Id} of {Queue} (delivery {Count} of {Max}); it comes back in {Delay}.",
                    functionName, message.MessageId, queue.Name, message.DequeueCount, options.MaxDequeueCount, options.QueueRetryDelay);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.QueueRetryDelay, cancellationToken: CancellationToken.None);
            }

            Processed?.Invoke(new QueueTriggerOutcome(functionName, queue.Name, message.MessageId, message.DequeueCount, succeeded, poisoned));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message becomes visible again when its lease runs out.
        }
        catch (Exception ex)
        {
            logger.LogWarning("Settling message {Id} of {Queue} failed; it comes back when its lease runs out: {Reason}", message.MessageId, queue.Name, ex.Message);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Moves a message to the poison queue, as the host does: a copy with the same text, then the original deleted.</summary>
    public async Task MoveToPoisonAsync(QueueMessage message)
    {
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(message.Body);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        logger.LogError("Message {Id} went to the poison queue {Poison} after {Count} failed deliveries to {Function}.",
            message.MessageId, poison.Name, message.DequeueCount, functionName);
    }
}
