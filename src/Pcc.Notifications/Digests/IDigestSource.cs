namespace Pcc.Notifications.Digests;

/// <summary>
/// Where the digest engine reads from: the catalogue's change rows and the subscriber store. The Functions app
/// implements it over its tables; tests supply lists. It is the engine's only dependency on data it does not own.
/// </summary>
public interface IDigestSource
{
    /// <summary>
    /// The changes ingested in <c>[from, to)</c>, in the order they were ingested. A change must be readable here by the
    /// time its window closes; one stamped inside a window but written after the window's run read it is not sent.
    /// </summary>
    IAsyncEnumerable<DigestChange> ReadChangesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The confirmed, not unsubscribed subscribers who chose <paramref name="frequency"/>, with their signed manage and
    /// unsubscribe links filled in. Each subscriber once, in ascending ordinal order of
    /// <see cref="DigestRecipient.SubscriberId"/> (the order Table storage returns the subscriber rows in), and read as
    /// it is enumerated rather than gathered first: a digest run streams the list into batches without holding it, and
    /// refuses a list out of order, where it could not tell a subscriber listed twice.
    /// </summary>
    IAsyncEnumerable<DigestRecipient> ListSubscribersAsync(DigestFrequency frequency, CancellationToken cancellationToken = default);
}
