namespace Pcc.Notifications.Digests.FanOut;

/// <summary>Sends each batch at once, in the calling process: the dispatcher where no queue is configured.</summary>
public sealed class InProcessBatchDispatcher(DigestBatchSender sender) : IDigestBatchDispatcher
{
    /// <inheritdoc />
    /// <remarks>The delay is not waited for: a deferred batch is retried by the window's next run instead.</remarks>
    public async Task<DigestBatchOutcome?> DispatchAsync(DigestBatchMessage message, TimeSpan delay = default, CancellationToken cancellationToken = default) =>
        await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
}
