namespace Pcc.Catalogue.Reading.Models;

/// <summary>A case study with its history, newest first; Current is null once it has been removed from every briefing.</summary>
public sealed record CaseStudyDetail(string Key, CaseStudyView? Current, bool Removed, IReadOnlyList<CaseStudyHistoryView> History);
