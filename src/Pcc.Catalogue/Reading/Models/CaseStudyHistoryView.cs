using Pcc.Briefings.Comparison;

namespace Pcc.Catalogue.Reading.Models;

/// <summary>
/// One change in a case study's history, recorded by an ingest of <paramref name="Briefing"/> (a slug), whose title is
/// <paramref name="BriefingTitle"/>, with its grade and the editor's change note.
/// </summary>
public sealed record CaseStudyHistoryView(string Kind, string Briefing, int Version, DateTimeOffset IngestedAt, int? Number, string ThemeSlug, string Title, string Text, TextDiff? Diff, string BriefingTitle,
    ChangeGrade Grade, string? Note);
