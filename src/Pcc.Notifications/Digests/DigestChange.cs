using Pcc.Briefings.Comparison;

namespace Pcc.Notifications.Digests;

/// <summary>
/// One change to one case study, as the catalogue recorded it when a briefing was ingested: the digest engine's view
/// of a row of the <c>Changes</c> table.
/// </summary>
/// <param name="Kind">New, changed or removed.</param>
/// <param name="Key">The case study's stable key (used in its link).</param>
/// <param name="Number">Its number in the briefing, when it has one.</param>
/// <param name="ThemeSlug">The theme's slug, as subscribers' theme lists name it.</param>
/// <param name="Theme">The theme's title.</param>
/// <param name="Title">The case study's title.</param>
/// <param name="Text">The case study's text after the change (for a removed one, its last text).</param>
/// <param name="DiffPieces">For a changed one: the word-level diff, when the catalogue kept it.</param>
/// <param name="PreviousText">For a changed one: the text before the change.</param>
/// <param name="Briefing">The briefing's slug.</param>
/// <param name="BriefingTitle">The briefing's title, when known.</param>
/// <param name="Version">The briefing version that made the change.</param>
/// <param name="IngestedAt">When the change was ingested; windows select on it.</param>
/// <param name="Grade">Editorial changes reach only subscribers who ask for minor corrections; new and removed are substantive.</param>
/// <param name="Note">The editor's change note on the upload, if any.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the ingest that recorded it, when traced.</param>
public sealed record DigestChange(
    DigestChangeKind Kind,
    string Key,
    string? Number,
    string ThemeSlug,
    string Theme,
    string Title,
    string Text,
    IReadOnlyList<DiffPiece>? DiffPieces,
    string? PreviousText,
    string Briefing,
    string? BriefingTitle,
    int Version,
    DateTimeOffset IngestedAt,
    ChangeGrade Grade = ChangeGrade.Substantive,
    string? Note = null,
    string? TraceParent = null)
{
    /// <summary>True for a change that only corrects (see <see cref="ChangeGrader"/>).</summary>
    public bool IsEditorial => Grade == ChangeGrade.Editorial;
}
