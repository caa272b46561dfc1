using System.Globalization;

namespace Pcc.Catalogue.Storage;

/// <summary>
/// Table <c>CaseStudyHistory</c>: a case study's changes, newest first. PartitionKey = case-study key,
/// RowKey = inverted ingest ticks and briefing, so one partition query gives its whole history.
/// </summary>
public sealed class CaseStudyHistoryEntity : CaseStudyEventRecord
{
    /// <summary>The RowKey of one history row: newer rows sort first.</summary>
    public static string RowKeyFor(DateTimeOffset ingestedAt, string briefing) =>
        $"{(DateTimeOffset.MaxValue.UtcTicks - ingestedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}-{briefing}";
}
