using System.Globalization;

namespace Pcc.Catalogue.Storage;

/// <summary>
/// Table <c>CaseStudyHistory</c>: a case study's changes, newest first. PartitionKey = case-study key,
/// RowKey = inverted ingest ticks and briefing, so one partition query gives its whole history.
/// </summary>
public sealed class CaseStudyHistoryEntity : CaseStudyRecord
{
    /// <summary>new, changed or removed.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The briefing slug.</summary>
    public string Briefing { get; set; } = "";

    /// <summary>The briefing version.</summary>
    public int Version { get; set; }

    /// <summary>When it was ingested.</summary>
    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>For a change: the readable word-level diff.</summary>
    public string? Diff { get; set; }

    /// <summary>The RowKey of one history row: newer rows sort first.</summary>
    public static string RowKeyFor(DateTimeOffset ingestedAt, string briefing) =>
        $"{(DateTimeOffset.MaxValue.UtcTicks - ingestedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}-{briefing}";
}
