namespace Pcc.Notifications.Digests;

/// <summary>Decides who gets what for one window.</summary>
public static class DigestPlanner
{
    /// <summary>
    /// Collapses the window's changes to one per case study, groups them by theme, and gives each distinct set of
    /// followed themes its own audience holding only those themes' changes. A recipient whose themes had no changes is
    /// listed in <see cref="DigestPlan.Empty"/>: a digest is never empty.
    /// </summary>
    public static DigestPlan Plan(DigestWindow window, IEnumerable<DigestChange> changes, IEnumerable<DigestRecipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(recipients);
        var items = ChangeCollapser.Collapse(changes);
        var sections = items
            .GroupBy(i => i.ThemeSlug, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new DigestThemeSection(g.Key, g.Last().Theme, [.. InBriefingOrder(g)]), StringComparer.Ordinal);

        var audiences = new List<DigestAudience>();
        var empty = new List<DigestRecipient>();
        foreach (var group in recipients.GroupBy(r => ThemeSetOf(r.Themes), StringComparer.Ordinal))
        {
            var slugs = group.Key.Length == 0 ? [] : group.Key.Split(',');
            var followed = slugs.Where(sections.ContainsKey).Select(s => sections[s]).ToArray();
            if (followed.Length == 0)
            {
                empty.AddRange(group);
                continue;
            }

            var names = slugs.Select(s => sections.TryGetValue(s, out var section) ? section.Theme : ThemeNames.FromSlug(s)).ToArray();
            audiences.Add(new DigestAudience(group.Key, names, followed, [.. group]));
        }

        return new DigestPlan(window, items, audiences, empty);
    }

    // Within a theme, case studies read in the order the briefing numbers them; unnumbered ones follow by title.
    private static IEnumerable<DigestChange> InBriefingOrder(IEnumerable<DigestChange> items) =>
        items.OrderBy(i => int.TryParse(i.Number, out var n) ? n : int.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal);

    /// <summary>The identity of a set of themes: distinct slugs, sorted ordinally, comma-separated.</summary>
    public static string ThemeSetOf(IEnumerable<string> themeSlugs) =>
        string.Join(',', themeSlugs.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
