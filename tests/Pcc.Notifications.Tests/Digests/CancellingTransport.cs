using Pcc.Notifications.Email;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>
/// Cancels <paramref name="source"/> at the <paramref name="atBatch"/>th batch, as the host's timeout or drain would:
/// before handing the batch on (<paramref name="afterSending"/> false: the cancellation arrives while the provider is
/// answering) or after it (between batches).
/// </summary>
internal sealed class CancellingTransport(IEmailTransport inner, CancellationTokenSource source, int atBatch, bool afterSending) : IEmailTransport
{
    private int _batches;

    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        var cancelling = Interlocked.Increment(ref _batches) == atBatch;
        if (cancelling && !afterSending)
        {
            await source.CancelAsync();
        }

        var results = await inner.SendAsync(batch, cancellationToken);
        if (cancelling && afterSending)
        {
            await source.CancelAsync();
        }

        return results;
    }
}
