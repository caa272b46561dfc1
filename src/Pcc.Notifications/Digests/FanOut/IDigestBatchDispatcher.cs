namespace Pcc.Notifications.Digests.FanOut;

/// <summary>
/// Hands a planned batch to whoever sends it: a storage queue in the Function App (a queue-triggered function per batch,
/// so the app scales out on the queue's length), or the sender itself, in process, where there is no queue (tools, tests).
/// </summary>
public interface IDigestBatchDispatcher
{
    /// <summary>
    /// Dispatches one batch, to be sent no sooner than <paramref name="delay"/> from now. Returns the outcome when the
    /// batch was sent before returning, or null when it was queued to be sent later.
    /// </summary>
    Task<DigestBatchOutcome?> DispatchAsync(DigestBatchMessage message, TimeSpan delay = default, CancellationToken cancellationToken = default);
}
