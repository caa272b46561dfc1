using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using Pcc.Notifications.Digests;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// Table <c>Subscribers</c>, one row per address. Keys: PartitionKey = <c>subscribers</c> (one partition for the
/// whole list), RowKey = <c>subscriber-</c> + <see cref="SubscriberIds">id</see> (a hash of the normalised address).
/// <list type="bullet">
/// <item>Lookup by address or by a token's subscriber id is a point read; the address is never a key, and no query
/// filter ever contains user input.</item>
/// <item>"All active subscribers with frequency X" is a range read of the <see cref="DigestEntryEntity"/> rows kept in
/// the same partition, so the row and its digest entry change together in one entity group transaction: the list a
/// digest run reads can never disagree with the subscribers' own rows.</item>
/// <item>One partition serves about 2,000 entities a second, far beyond what subscribing, managing and a digest run
/// need for a specialist newsletter.</item>
/// </list>
/// Every write is conditional on the ETag read (412 = someone else changed it: read again and retry).
/// </summary>
internal sealed class SubscriberEntity : ITableEntity
{
    public const string Partition = "subscribers";
    public const string RowPrefix = "subscriber-";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The normalised address, as typed in the request last confirmed (or, while pending, the first one).</summary>
    public string Address { get; set; } = "";

    public SubscriberStatus Status { get; set; }

    /// <summary>Confirmed theme slugs, comma-separated.</summary>
    public string Themes { get; set; } = "";

    /// <summary>Confirmed followed briefing slugs, comma-separated.</summary>
    public string Briefings { get; set; } = "";

    /// <summary>Confirmed followed case-study keys, comma-separated.</summary>
    public string CaseStudies { get; set; } = "";

    public DigestFrequency Frequency { get; set; }

    /// <summary>Confirmed: minor corrections (editorial changes) are in their digests too.</summary>
    public bool IncludeMinorCorrections { get; set; }

    /// <summary>The <see cref="PendingRequest">requests</see> waiting for their links (JSON); each is applied only when its own link is followed.</summary>
    public string Requests { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RequestedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? UnsubscribedAt { get; set; }

    /// <summary>Raised on unsubscribe, so manage and confirmation links issued before it stop working.</summary>
    public int Generation { get; set; }

    /// <summary>Unix seconds of the emails sent in answer to subscribe requests within the last hour, comma-separated.</summary>
    public string RecentEmails { get; set; } = "";

    public static string RowKeyFor(string id) => RowPrefix + id;

    public string Id => RowKey[RowPrefix.Length..];

    public Subscriber ToSubscriber() => new(Id, Address, SplitThemes(Themes), Frequency, Status, Generation)
    {
        CreatedAt = CreatedAt,
        ConfirmedAt = ConfirmedAt,
        UnsubscribedAt = UnsubscribedAt,
        IncludeMinorCorrections = IncludeMinorCorrections,
        Briefings = Follows.Split(Briefings),
        CaseStudies = Follows.Split(CaseStudies),
    };

    /// <summary>What the row follows.</summary>
    [IgnoreDataMember]
    public Follows Following => new(SplitThemes(Themes), Follows.Split(Briefings), Follows.Split(CaseStudies));

    /// <summary>Stores <paramref name="follows"/> as what the row follows.</summary>
    public void Follow(Follows follows)
    {
        Themes = Follows.Join(follows.Themes);
        Briefings = Follows.Join(follows.Briefings);
        CaseStudies = Follows.Join(follows.CaseStudies);
    }

    public static IReadOnlyList<string> SplitThemes(string themes) => themes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
