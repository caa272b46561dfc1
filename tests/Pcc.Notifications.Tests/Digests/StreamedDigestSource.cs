using System.Runtime.CompilerServices;
using Pcc.Notifications.Digests;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>
/// A digest source that yields its recipients exactly in the order given, and can fail after some of them, as a
/// subscriber table read that loses its connection part way does.
/// </summary>
internal sealed class StreamedDigestSource(IReadOnlyList<DigestChange> changes, IReadOnlyList<DigestRecipient> recipients, int? failAfter = null) : IDigestSource
{
    public async IAsyncEnumerable<DigestChange> ReadChangesAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var change in changes)
        {
            yield return change;
        }
    }

    public async IAsyncEnumerable<DigestRecipient> ListSubscribersAsync(DigestFrequency frequency, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            if (i == failAfter)
            {
                throw new IOException("The subscriber table stopped answering part way through the list.");
            }

            await Task.Yield();
            yield return recipients[i];
        }
    }
}
