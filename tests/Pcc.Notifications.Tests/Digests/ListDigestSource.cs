using System.Runtime.CompilerServices;
using Pcc.Notifications.Digests;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>A digest source over lists, filtering changes by window the way the change table's range query does.</summary>
internal sealed class ListDigestSource(IReadOnlyList<DigestChange> changes, IReadOnlyList<DigestRecipient> recipients) : IDigestSource
{
    public int SubscriberListings { get; private set; }

    public async IAsyncEnumerable<DigestChange> ReadChangesAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var change in changes.Where(c => c.IngestedAt >= from && c.IngestedAt < to))
        {
            yield return change;
        }
    }

    public async IAsyncEnumerable<DigestRecipient> ListSubscribersAsync(DigestFrequency frequency, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        SubscriberListings++;
        await Task.Yield();
        // In id order, as the subscriber table returns them.
        foreach (var recipient in recipients.Where(r => r.Frequency == frequency).OrderBy(r => r.SubscriberId, StringComparer.Ordinal))
        {
            yield return recipient;
        }
    }
}
