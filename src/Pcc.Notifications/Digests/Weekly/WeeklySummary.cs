using System.Globalization;

namespace Pcc.Notifications.Digests.Weekly;

/// <summary>
/// The automated summary of one ISO week (Monday to Monday, UK time): the briefings ingested, new, changed and removed
/// case studies per theme, and highlights — the most-changed themes and the newly added case studies.
/// </summary>
/// <param name="Year">The ISO week-numbering year.</param>
/// <param name="Week">The ISO week (1–53).</param>
/// <param name="Start">Monday 00:00 UK time, as an instant (inclusive).</param>
/// <param name="End">The next Monday 00:00 UK time (exclusive).</param>
/// <param name="Briefings">Briefing versions ingested in the week, in order.</param>
/// <param name="Themes">Every theme with changes, most changes first.</param>
/// <param name="MostChangedThemes">Up to three themes with the most changes.</param>
/// <param name="NewCaseStudies">Case studies added in the week (and still there at its end).</param>
public sealed record WeeklySummary(
    int Year,
    int Week,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<WeeklyBriefing> Briefings,
    IReadOnlyList<WeeklyThemeCount> Themes,
    IReadOnlyList<WeeklyThemeCount> MostChangedThemes,
    IReadOnlyList<WeeklyCaseStudy> NewCaseStudies)
{
    /// <summary>The week's name, e.g. <c>2026-W48</c>, which also names its blobs.</summary>
    public string Id => $"{Year:D4}-W{Week:D2}";

    /// <summary>Case studies added.</summary>
    public int New => Themes.Sum(t => t.New);

    /// <summary>Case studies changed.</summary>
    public int Changed => Themes.Sum(t => t.Changed);

    /// <summary>Case studies removed.</summary>
    public int Removed => Themes.Sum(t => t.Removed);

    /// <summary>The ISO week that <paramref name="instant"/> falls in, in UK time.</summary>
    public static (int Year, int Week) WeekOf(DateTimeOffset instant)
    {
        var local = UkTime.ToLocal(instant);
        return (ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
    }

    /// <summary>The ISO week's span as UTC instants, <c>[Monday 00:00 UK, next Monday 00:00 UK)</c>: the changes to read.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) PeriodOf(int year, int week)
    {
        var monday = ISOWeek.ToDateTime(year, week, DayOfWeek.Monday);
        return (UkTime.ToInstant(monday), UkTime.ToInstant(monday.AddDays(7)));
    }

    /// <summary>
    /// Builds the summary of ISO week <paramref name="week"/> of <paramref name="year"/> from the briefings and changes
    /// the caller read for <see cref="PeriodOf"/>; anything outside the week is ignored. Changes are collapsed to one
    /// per case study, as in digests.
    /// </summary>
    public static WeeklySummary Build(int year, int week, IEnumerable<WeeklyBriefing> briefings, IEnumerable<DigestChange> changes, DigestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (start, end) = PeriodOf(year, week);
        bool InWeek(DateTimeOffset at) => at >= start && at < end;

        var items = ChangeCollapser.Collapse(changes.Where(c => InWeek(c.IngestedAt)));
        var themes = items
            .GroupBy(i => i.ThemeSlug, StringComparer.Ordinal)
            .Select(g => new WeeklyThemeCount(
                g.Key,
                g.Last().Theme,
                g.Count(i => i.Kind == DigestChangeKind.New),
                g.Count(i => i.Kind == DigestChangeKind.Changed),
                g.Count(i => i.Kind == DigestChangeKind.Removed)))
            .OrderByDescending(t => t.Total)
            .ThenBy(t => t.Theme, StringComparer.Ordinal)
            .ToList();

        var added = items
            .Where(i => i.Kind == DigestChangeKind.New)
            .Select(i => new WeeklyCaseStudy(i.Key, i.Title, i.Theme, i.BriefingTitle ?? i.Briefing, options.CaseStudyUrl(i.Key)))
            .ToList();

        return new WeeklySummary(
            year, week, start, end,
            [.. briefings.Where(b => InWeek(b.IngestedAt)).OrderBy(b => b.IngestedAt)],
            themes,
            [.. themes.Take(3)],
            added);
    }
}
