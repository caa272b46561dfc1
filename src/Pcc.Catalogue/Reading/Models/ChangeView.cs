using Pcc.Briefings.Comparison;

namespace Pcc.Catalogue.Reading.Models;

/// <summary>A new, changed or removed case study, as recorded by one ingest, with its grade and the editor's change note.</summary>
public sealed record ChangeView(string Kind, string Key, int? Number, string ThemeSlug, string Theme, string Title, string Text, TextDiff? Diff, string? PreviousText, string Briefing, int Version, DateTimeOffset IngestedAt, string? AlsoIn, ChangeGrade Grade, string? Note);
