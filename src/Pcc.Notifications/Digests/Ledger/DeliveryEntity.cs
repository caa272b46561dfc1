using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Pcc.Notifications.Digests.Ledger;

/// <summary>
/// Table <c>Deliveries</c>: one row per (window, subscriber). PartitionKey = the window's id and a bucket of the
/// subscriber id (<c>daily-20261123T0730Z-7</c>, 16 buckets), RowKey = the subscriber id. Keying by subscriber makes
/// the claim a create-only insert that at most one run can win; one window's rows are a single PartitionKey range
/// (read once when a run resumes); the buckets let claims and outcomes go as 100-entity transactions while spreading
/// a 100,000-subscriber run over 16 partitions, each well under a partition's ~2,000 entities/s target.
/// </summary>
public sealed class DeliveryEntity : ITableEntity
{
    /// <summary>The number of partitions one window's deliveries are spread over.</summary>
    public const int Buckets = 16;

    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The subscriber's id as given (the RowKey escapes characters keys may not hold).</summary>
    public string SubscriberId { get; set; } = "";

    /// <summary>The address the digest went to.</summary>
    public string Email { get; set; } = "";

    /// <summary>Claimed, sent, failed or deferred.</summary>
    public DeliveryState Status { get; set; }

    /// <summary>How many times a run has claimed the delivery (the first send included).</summary>
    public int Attempts { get; set; }

    /// <summary>Which run invocation holds or last held the claim.</summary>
    public string? RunInstance { get; set; }

    /// <summary>When the latest claim was taken; an unconfirmed claim older than the lease was abandoned by a crash.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>When the provider accepted the message.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The provider's message id when sent; the reason otherwise.</summary>
    public string? Detail { get; set; }

    /// <summary>The theme set whose digest was sent.</summary>
    public string? ThemeSet { get; set; }

    /// <summary>The first PartitionKey of a window's deliveries.</summary>
    public static string FirstPartition(DigestWindow window) => $"{window.Id}-0";

    /// <summary>The last PartitionKey of a window's deliveries.</summary>
    public static string LastPartition(DigestWindow window) => $"{window.Id}-{Buckets - 1:x}";

    /// <summary>The PartitionKey of a subscriber's delivery for a window.</summary>
    public static string PartitionFor(DigestWindow window, string subscriberId) => $"{window.Id}-{Bucket(subscriberId):x}";

    /// <summary>
    /// A subscriber id as a RowKey: '/', '\', '#', '?', '%' and control characters, which keys may not hold (or which
    /// would make the escaping ambiguous), become <c>%XX</c>.
    /// </summary>
    public static string RowKeyFor(string subscriberId)
    {
        if (!subscriberId.Any(NeedsEscape))
        {
            return subscriberId;
        }

        var key = new StringBuilder(subscriberId.Length + 8);
        foreach (var c in subscriberId)
        {
            _ = NeedsEscape(c) ? key.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)) : key.Append(c);
        }

        return key.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);

    // FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode.
    private static int Bucket(string subscriberId)
    {
        var hash = 2166136261u;
        foreach (var c in subscriberId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Buckets);
    }
}
