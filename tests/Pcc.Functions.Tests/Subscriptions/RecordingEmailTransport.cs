using System.Collections.Concurrent;
using Pcc.Notifications.Email;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>Accepts every message and keeps it, one entry per recipient, for the test to read.</summary>
public sealed class RecordingEmailTransport : IEmailTransport
{
    private readonly ConcurrentQueue<SentEmail> _sent = new();

    public IReadOnlyList<SentEmail> Sent => _sent.ToArray();

    public IReadOnlyList<SentEmail> To(string address) => Sent.Where(m => m.To == address).ToList();

    public Task<IReadOnlyList<DeliveryResult>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        foreach (var recipient in batch.Recipients)
        {
            _sent.Enqueue(new SentEmail(recipient.To.Address, batch.Subject, batch.Text, batch.Html, batch.Category));
        }

        IReadOnlyList<DeliveryResult> results = batch.Recipients.Select(r => new DeliveryResult(r.To.Address, DeliveryStatus.Accepted, "recorded")).ToList();
        return Task.FromResult(results);
    }
}
