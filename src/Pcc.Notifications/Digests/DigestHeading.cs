using System.Globalization;

namespace Pcc.Notifications.Digests;

/// <summary>The words both parts of a digest open with.</summary>
internal static class DigestHeading
{
    // The invariant culture spells days and months in English, and exists even in globalization-invariant mode.
    private static readonly CultureInfo s_uk = CultureInfo.InvariantCulture;

    /// <summary>"Daily digest", "Weekly digest" or "New in the catalogue".</summary>
    public static string Title(DigestFrequency frequency) => frequency switch
    {
        DigestFrequency.Daily => "Your daily digest",
        DigestFrequency.Weekly => "Your weekly digest",
        _ => "New in the case study catalogue",
    };

    /// <summary>The window in UK time, e.g. "Changes from Sun 22 Nov 2026 07:30 to Mon 23 Nov 2026 07:30 (UK time)".</summary>
    public static string Period(DigestWindow window)
    {
        var start = UkTime.ToLocal(window.Start);
        var end = UkTime.ToLocal(window.End);
        return start.Date == end.Date
            ? $"Changes on {Day(start)} between {Time(start)} and {Time(end)} (UK time)"
            : $"Changes from {Day(start)} {Time(start)} to {Day(end)} {Time(end)} (UK time)";
    }

    /// <summary>"New case study", "Updated case study", "Minor correction" or "Removed case study".</summary>
    public static string KindLabel(DigestChange item) => item.Kind switch
    {
        DigestChangeKind.New => "New case study",
        DigestChangeKind.Changed => item.IsEditorial ? "Minor correction" : "Updated case study",
        _ => "Removed case study",
    };

    /// <summary>The editor's change note as a digest shows it, or null.</summary>
    public static string? Note(DigestChange item) => item.Note is { Length: > 0 } note ? $"Editor's note: {note}" : null;

    /// <summary>
    /// "No. 3 · Public Safety, Public Trust" style details; in a section that is not the theme's, the theme too
    /// ("No. 3 · Tackling violence and exploitation · Public Safety, Public Trust"), so a move to another theme shows.
    /// </summary>
    public static string Details(DigestChange item, bool withTheme = false)
    {
        var briefing = item.BriefingTitle ?? item.Briefing;
        var where = withTheme && item.Theme.Length > 0 ? $"{item.Theme} \u00b7 {briefing}" : briefing;
        return item.Number is { Length: > 0 } number ? $"No. {number} \u00b7 {where}" : where;
    }

    /// <summary>A section's heading: the theme's title, "Briefing: …", or "Case studies you follow".</summary>
    public static string Section(DigestThemeSection section) => section.Kind switch
    {
        DigestSectionKind.Briefing => $"Briefing: {section.Theme}",
        _ => section.Theme,
    };

    /// <summary>The line a removed case study gets.</summary>
    public static string Removed(DigestChange item) =>
        $"This case study is no longer in {item.BriefingTitle ?? item.Briefing}.";

    private static string Day(DateTime local) => local.ToString("ddd d MMM yyyy", s_uk);

    private static string Time(DateTime local) => local.ToString("HH:mm", s_uk);
}
