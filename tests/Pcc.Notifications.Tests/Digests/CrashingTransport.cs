using Pcc.Notifications.Email;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>Hands the batch to the real transport, then fails as a process killed before the ledger is updated would.</summary>
internal sealed class CrashingTransport(IEmailTransport inner) : IEmailTransport
{
    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        await inner.SendAsync(batch, cancellationToken);
        throw new OperationCanceledException("The process stopped after the provider accepted the batch.");
    }
}
