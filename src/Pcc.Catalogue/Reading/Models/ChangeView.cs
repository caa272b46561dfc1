using Pcc.Briefings.Comparison;

namespace Pcc.Catalogue.Reading.Models;

/// <summary>
/// A new, changed or removed case study, as recorded by one ingest of <paramref name="Briefing"/> (a slug), whose title
/// is <paramref name="BriefingTitle"/>; a new one already in another briefing names it in <paramref name="AlsoIn"/>
/// (slug) and <paramref name="AlsoInTitle"/>. <paramref name="Grade"/> and <paramref name="Note"/> are the change's grade
/// and the editor's change note.
/// </summary>
public sealed record ChangeView(string Kind, string Key, int? Number, string ThemeSlug, string Theme, string Title, string Text, TextDiff? Diff, string? PreviousText, string Briefing, int Version, DateTimeOffset IngestedAt, string? AlsoIn, string BriefingTitle, string? AlsoInTitle,
    ChangeGrade Grade, string? Note);
