namespace Pcc.Catalogue.Reading.Models;

/// <summary>A case study with its history, newest first; Current is null once it has been removed from every briefing.</summary>
public sealed record CaseStudyDetail(string Key, CaseStudyView? Current, bool Removed, IReadOnlyList<CaseStudyHistoryView> History)
{
    /// <summary>
    /// The current case studies most like it (at most five, best first), as last computed when the catalogue changed;
    /// none for a removed case study, or before the first computation.
    /// </summary>
    public IReadOnlyList<RelatedCaseStudyView> Related { get; init; } = [];
}
