namespace Pcc.Notifications.Digests;

/// <summary>Decides who gets what for one window.</summary>
public static class DigestPlanner
{
    /// <summary>
    /// Collapses the window's changes to one per case study, groups them by theme, and gives each distinct set of
    /// followed themes (and choice about minor corrections) its own audience holding only those themes' changes;
    /// editorial changes only for recipients who asked for minor corrections. A recipient with nothing to read is
    /// listed in <see cref="DigestPlan.Empty"/>: a digest is never empty.
    /// </summary>
    public static DigestPlan Plan(DigestWindow window, IEnumerable<DigestChange> changes, IEnumerable<DigestRecipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(recipients);
        var items = ChangeCollapser.Collapse(changes);
        var everything = Sections(items);
        var substantive = Sections(items.Where(i => !i.IsEditorial));

        var audiences = new List<DigestAudience>();
        var empty = new List<DigestRecipient>();
        foreach (var group in recipients.GroupBy(r => (ThemeSet: ThemeSetOf(r.Themes), r.IncludeMinorCorrections)).OrderBy(g => g.Key.IncludeMinorCorrections))
        {
            var sections = group.Key.IncludeMinorCorrections ? everything : substantive;
            var slugs = group.Key.ThemeSet.Length == 0 ? [] : group.Key.ThemeSet.Split(',');
            var followed = slugs.Where(sections.ContainsKey).Select(s => sections[s]).OrderBy(BriefingPosition).ToArray();
            if (followed.Length == 0)
            {
                empty.AddRange(group);
                continue;
            }

            var names = followed.Select(f => f.Theme).Concat(slugs.Where(s => !sections.ContainsKey(s)).Select(ThemeNames.FromSlug)).ToArray();
            audiences.Add(new DigestAudience(group.Key.ThemeSet, names, followed, [.. group], group.Key.IncludeMinorCorrections));
        }

        return new DigestPlan(window, items, audiences, empty);
    }

    private static Dictionary<string, DigestThemeSection> Sections(IEnumerable<DigestChange> items) => items
        .GroupBy(i => i.ThemeSlug, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => new DigestThemeSection(g.Key, g.Last().Theme, [.. InBriefingOrder(g)]), StringComparer.Ordinal);

    // Themes read in the briefing's order: case studies are numbered through a briefing, so the theme holding the lowest
    // number comes first; themes without numbers keep the order of their slugs (a stable sort).
    private static int BriefingPosition(DigestThemeSection section) =>
        section.Items.Select(i => int.TryParse(i.Number, out var n) ? n : int.MaxValue).DefaultIfEmpty(int.MaxValue).Min();

    // Within a theme, case studies read in the order the briefing numbers them; unnumbered ones follow by title.
    private static IEnumerable<DigestChange> InBriefingOrder(IEnumerable<DigestChange> items) =>
        items.OrderBy(i => int.TryParse(i.Number, out var n) ? n : int.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal);

    /// <summary>The identity of a set of themes: distinct slugs, sorted ordinally, comma-separated.</summary>
    public static string ThemeSetOf(IEnumerable<string> themeSlugs) =>
        string.Join(',', themeSlugs.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
