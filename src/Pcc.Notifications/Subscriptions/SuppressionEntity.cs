using Azure;
using Azure.Data.Tables;
using Pcc.Notifications.Digests;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// What is kept of an address that unsubscribed or bounced, in table <c>Subscribers</c>: PartitionKey =
/// <c>subscribers</c>, RowKey = <c>suppressed-</c> + its <see cref="SubscriberKeys">keyed id</see>. No address, no
/// themes: only whether mail to it is barred for good (a bounce or spam report) or it left of its own accord, and the
/// token generation, so links from before it left never work again if it comes back.
/// </summary>
internal sealed class SuppressionEntity : ITableEntity
{
    public const string RowPrefix = "suppressed-";

    public string PartitionKey { get; set; } = SubscriberEntity.Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary><see cref="SubscriberStatus.Unsubscribed"/> or <see cref="SubscriberStatus.Suppressed"/>.</summary>
    public SubscriberStatus Status { get; set; }

    public int Generation { get; set; }

    public DateTimeOffset At { get; set; }

    public static string RowKeyFor(string keyedId) => RowPrefix + keyedId;

    /// <summary>The subscriber as the rest of the system sees one that left: no address, nothing to send.</summary>
    public Subscriber ToSubscriber(string id) => new(id, "", [], DigestFrequency.Weekly, Status, Generation) { UnsubscribedAt = At };
}
