using System.Globalization;

namespace Pcc.Catalogue.Storage;

/// <summary>
/// Table <c>Changes</c>: one row per new, changed or removed case study per ingest. PartitionKey = UTC day
/// (<c>yyyyMMdd</c>), RowKey = ingest time ticks, briefing and key, so a digest window is a RowKey range within a few
/// day partitions and rows come back in time order. Keys are derived from the ingest's fixed timestamp, so a retried
/// ingest rewrites the same rows instead of adding new ones.
/// </summary>
public sealed class ChangeEntity : CaseStudyEventRecord
{
    /// <summary>For a changed case study: the text before.</summary>
    public string? PreviousText { get; set; }

    /// <summary>Another briefing already in the catalogue with the same case study, when there is one.</summary>
    public string? AlsoIn { get; set; }

    /// <summary>Recorded by a deployment check's upload: shown like any change, never sent in a digest.</summary>
    public bool DeploymentCheck { get; set; }

    /// <summary>The W3C <c>traceparent</c> of the ingest that recorded it: the digest run that sends it links to that trace.</summary>
    public string? TraceParent { get; set; }

    /// <summary>The partition of the day an instant falls on.</summary>
    public static string PartitionFor(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The first RowKey at or after an instant.</summary>
    public static string RowKeyPrefix(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// The filter for changes in [<paramref name="from"/>, <paramref name="to"/>): one range over the day partitions,
    /// bounded at both ends by the RowKeys, which start with the ingest time.
    /// </summary>
    public static string WindowFilter(DateTimeOffset from, DateTimeOffset to) =>
        Azure.Data.Tables.TableClient.CreateQueryFilter(
            $"PartitionKey ge {PartitionFor(from)} and PartitionKey le {PartitionFor(to)} and RowKey ge {RowKeyPrefix(from)} and RowKey lt {RowKeyPrefix(to)}");

    /// <summary>The RowKey of one change.</summary>
    public static string RowKeyFor(DateTimeOffset ingestedAt, string briefing, string key) => $"{RowKeyPrefix(ingestedAt)}-{briefing}-{key}";
}
