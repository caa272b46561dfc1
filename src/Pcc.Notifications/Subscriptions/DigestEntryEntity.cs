using Azure;
using Azure.Data.Tables;
using Pcc.Notifications.Digests;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// The digest list in table <c>Subscribers</c>: one row per <em>active</em> subscriber, PartitionKey = <c>subscribers</c>,
/// RowKey = <c>digest-{frequency}-{id}</c>, carrying what a digest needs (address, what they follow, generation). A digest run
/// for a frequency reads one key range of one partition instead of filtering every subscriber. Written only in the same
/// transaction as the <see cref="SubscriberEntity"/> it mirrors.
/// </summary>
internal sealed class DigestEntryEntity : ITableEntity
{
    public const string RowPrefix = "digest-";

    public string PartitionKey { get; set; } = SubscriberEntity.Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Address { get; set; } = "";

    public string Themes { get; set; } = "";

    public string Briefings { get; set; } = "";

    public string CaseStudies { get; set; } = "";

    public int Generation { get; set; }

    public bool IncludeMinorCorrections { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The first row key of a frequency's range; the range ends just before <see cref="RangeEnd"/>.</summary>
    public static string RangeStart(DigestFrequency frequency) => $"{RowPrefix}{SubscriptionNames.Of(frequency)}-";

    /// <summary>The key after every key of the frequency's range ('.' follows '-').</summary>
    public static string RangeEnd(DigestFrequency frequency) => $"{RowPrefix}{SubscriptionNames.Of(frequency)}.";

    /// <summary>The digest row for an active subscriber, or null when they should get no digest.</summary>
    public static DigestEntryEntity? For(SubscriberEntity subscriber) => subscriber.Status != SubscriberStatus.Active ? null : new DigestEntryEntity
    {
        RowKey = RangeStart(subscriber.Frequency) + subscriber.Id,
        Address = subscriber.Address,
        Themes = subscriber.Themes,
        Briefings = subscriber.Briefings,
        CaseStudies = subscriber.CaseStudies,
        Generation = subscriber.Generation,
        IncludeMinorCorrections = subscriber.IncludeMinorCorrections,
        CreatedAt = subscriber.CreatedAt,
        ConfirmedAt = subscriber.ConfirmedAt,
    };

    public Subscriber ToSubscriber(DigestFrequency frequency) =>
        new(RowKey[RangeStart(frequency).Length..], Address, SubscriberEntity.SplitThemes(Themes), frequency, SubscriberStatus.Active, Generation)
        {
            CreatedAt = CreatedAt,
            ConfirmedAt = ConfirmedAt,
            IncludeMinorCorrections = IncludeMinorCorrections,
            Briefings = Follows.Split(Briefings),
            CaseStudies = Follows.Split(CaseStudies),
        };
}
