namespace Pcc.Catalogue.Reading.Models;

/// <summary>
/// One ingested version of a briefing: its counts (<paramref name="Editorial"/> of the <paramref name="Changed"/> only
/// editorially), the editor's change note, and the change records it made, each with its grade and note.
/// </summary>
public sealed record BriefingVersionView(int Version, string Etag, DateTimeOffset IngestedAt, string Format, string Title, int CaseStudies, int Themes, int New, int Changed, int Removed, int Unchanged, string Report,
    int Editorial, string? ChangeNote, bool EditorialOnly, IReadOnlyList<ChangeView> Changes);
