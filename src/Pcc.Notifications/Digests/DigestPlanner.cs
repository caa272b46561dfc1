namespace Pcc.Notifications.Digests;

/// <summary>Decides who gets what for one window.</summary>
public static class DigestPlanner
{
    /// <summary>
    /// Collapses the window's changes to one per case study and gives each distinct follow set (themes, briefings and
    /// case studies followed, and the choice about minor corrections) its own audience holding only its changes, each
    /// once however many of its follows it matches: first the case studies followed one by one, then each followed
    /// briefing's other changes under the briefing's title, then the rest by theme. Editorial changes only for
    /// recipients who asked for minor corrections. A recipient with nothing to read is listed in
    /// <see cref="DigestPlan.Empty"/>: a digest is never empty.
    /// </summary>
    public static DigestPlan Plan(DigestWindow window, IEnumerable<DigestChange> changes, IEnumerable<DigestRecipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(recipients);
        var items = ChangeCollapser.Collapse(changes);
        var everything = Sections(items);
        var substantive = Sections(items.Where(i => !i.IsEditorial));
        var briefingTitles = items.Where(i => i.BriefingTitle is { Length: > 0 }).GroupBy(i => i.Briefing, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().BriefingTitle!, StringComparer.Ordinal);

        var audiences = new List<DigestAudience>();
        var empty = new List<DigestRecipient>();
        foreach (var group in recipients.GroupBy(r => (FollowSet: FollowSetOf(r), r.IncludeMinorCorrections)).OrderBy(g => g.Key.IncludeMinorCorrections))
        {
            var first = group.First();
            var slugs = Distinct(first.Themes).Order(StringComparer.Ordinal).ToArray();
            var briefings = Distinct(first.Briefings);
            var caseStudies = Distinct(first.CaseStudies);
            var sections = group.Key.IncludeMinorCorrections ? everything : substantive;

            var followed = new List<DigestThemeSection>();
            if (briefings.Length + caseStudies.Length > 0)
            {
                followed.AddRange(FollowedSections(group.Key.IncludeMinorCorrections ? items : [.. items.Where(i => !i.IsEditorial)], briefings, caseStudies));
            }

            // What a followed case study or briefing already shows is not repeated under its theme.
            var themeSections = slugs.Where(sections.ContainsKey).Select(s => sections[s]).OrderBy(BriefingPosition).ToList();
            var shown = followed.SelectMany(s => s.Items).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
            followed.AddRange(themeSections
                .Select(s => shown.Count == 0 ? s : s with { Items = [.. s.Items.Where(i => !shown.Contains(i.Key))] })
                .Where(s => s.Items.Count > 0));
            if (followed.Count == 0)
            {
                empty.AddRange(group);
                continue;
            }

            var names = themeSections.Select(s => s.Theme).Concat(slugs.Where(s => !sections.ContainsKey(s)).Select(ThemeNames.FromSlug)).ToArray();
            audiences.Add(new DigestAudience(group.Key.FollowSet, names, followed, [.. group], group.Key.IncludeMinorCorrections)
            {
                FollowedBriefings = [.. briefings.Where(briefingTitles.ContainsKey).Select(b => briefingTitles[b])],
                OtherFollowedBriefings = briefings.Count(b => !briefingTitles.ContainsKey(b)),
                FollowedCaseStudies = caseStudies.Length,
            });
        }

        return new DigestPlan(window, items, audiences, empty);
    }

    /// <summary>
    /// The identity of what a recipient follows: <see cref="ThemeSetOf"/> their themes, then, when they follow any,
    /// <c>;briefings:</c> and <c>;case-studies:</c> with the sorted slugs and keys. A theme-only subscriber's is their theme set.
    /// </summary>
    public static string FollowSetOf(DigestRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var set = ThemeSetOf(recipient.Themes);
        if (recipient.Briefings.Count > 0)
        {
            set += ";briefings:" + ThemeSetOf(recipient.Briefings);
        }

        if (recipient.CaseStudies.Count > 0)
        {
            set += ";case-studies:" + ThemeSetOf(recipient.CaseStudies);
        }

        return set;
    }

    /// <summary>The identity of a set of themes: distinct slugs, sorted ordinally, comma-separated.</summary>
    public static string ThemeSetOf(IEnumerable<string> themeSlugs) =>
        string.Join(',', themeSlugs.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static IEnumerable<DigestThemeSection> FollowedSections(IReadOnlyList<DigestChange> items, string[] briefings, string[] caseStudies)
    {
        var keys = caseStudies.ToHashSet(StringComparer.Ordinal);
        var own = items.Where(i => keys.Contains(i.Key)).ToList();
        if (own.Count > 0)
        {
            yield return new DigestThemeSection(DigestThemeSection.FollowedCaseStudiesSlug, DigestThemeSection.FollowedCaseStudiesHeading,
                [.. InBriefingOrder(own)], DigestSectionKind.CaseStudies);
        }

        foreach (var briefing in briefings.Order(StringComparer.Ordinal))
        {
            var inBriefing = items.Where(i => i.Briefing == briefing && !keys.Contains(i.Key)).ToList();
            if (inBriefing.Count > 0)
            {
                var title = inBriefing.Select(i => i.BriefingTitle).LastOrDefault(t => t is { Length: > 0 }) ?? briefing;
                yield return new DigestThemeSection(briefing, title, [.. InBriefingOrder(inBriefing)], DigestSectionKind.Briefing);
            }
        }
    }

    private static string[] Distinct(IEnumerable<string> values) =>
        [.. values.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

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
}
