using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// Which document speaks for a case study that several documents report. The catalogue keeps one entry, and its
/// number, words, theme and briefing come from a document that numbers the case study (a briefing), never from one
/// that does not (a write-up restating it) while a briefing has it: a restatement is listed among the case study's
/// sources ("Also reported in") and is not a change of it, whichever was uploaded first. Between two documents that
/// both number it (or neither does), the one ingested last speaks for it, as a newer briefing supersedes an older one.
/// </summary>
public static class SourcePrecedence
{
    /// <summary>
    /// Whether the briefing <paramref name="slug"/>, which reports the case study with <paramref name="number"/>
    /// (null when unnumbered), speaks for it over <paramref name="current"/>, the catalogue's entry (null when none).
    /// </summary>
    public static bool Speaks(CaseStudyEntity? current, int? number, string slug) =>
        current is null || current.Briefing == slug || number is not null || current.Number is null;

    /// <summary>
    /// Among the case study's remaining sources, the one to speak for it when its briefing drops it: a numbered report
    /// first, then by slug so the choice does not depend on reading order; null when none of them has it.
    /// </summary>
    public static BriefingCaseStudyEntity? Successor(IEnumerable<BriefingCaseStudyEntity> reports) =>
        reports.OrderBy(r => r.Number is null).ThenBy(r => r.PartitionKey, StringComparer.Ordinal).FirstOrDefault();
}
