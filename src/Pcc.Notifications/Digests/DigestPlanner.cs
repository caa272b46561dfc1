using System.Runtime.InteropServices;

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
        var audiences = Audiences(changes);
        var planned = new List<DigestAudience>();
        var empty = new List<DigestRecipient>();
        foreach (var group in recipients.GroupBy<DigestRecipient, DigestAudience?>(audiences.For, ReferenceEqualityComparer.Instance).OrderBy(g => g.Key?.IncludesMinorCorrections))
        {
            if (group.Key is null)
            {
                empty.AddRange(group);
            }
            else
            {
                planned.Add(group.Key with { Recipients = [.. group] });
            }
        }

        return new DigestPlan(window, audiences.Items, planned, empty);
    }

    /// <summary>
    /// What <see cref="Plan"/> does, for recipients streamed one at a time: the window's changes, ready to give each
    /// recipient their audience.
    /// </summary>
    public static DigestAudiences Audiences(IEnumerable<DigestChange> changes) => new(changes);

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
    public static string ThemeSetOf(IEnumerable<string> themeSlugs)
    {
        ArgumentNullException.ThrowIfNull(themeSlugs);
        // Once per recipient of a run, so one list and the result rather than a LINQ pipeline's enumerators and set.
        var slugs = new List<string>(themeSlugs is IReadOnlyCollection<string> known ? known.Count : 4);
        foreach (var slug in themeSlugs)
        {
            var trimmed = slug.Trim();
            if (trimmed.Length > 0)
            {
                slugs.Add(trimmed);
            }
        }

        slugs.Sort(StringComparer.Ordinal);
        var distinct = 0;
        for (var i = 0; i < slugs.Count; i++)
        {
            if (distinct == 0 || !string.Equals(slugs[i], slugs[distinct - 1], StringComparison.Ordinal))
            {
                slugs[distinct++] = slugs[i];
            }
        }

        return string.Join(',', CollectionsMarshal.AsSpan(slugs)[..distinct]);
    }

    internal static IEnumerable<DigestThemeSection> FollowedSections(IReadOnlyList<DigestChange> items, string[] briefings, string[] caseStudies)
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

    internal static Dictionary<string, DigestThemeSection> Sections(IEnumerable<DigestChange> items) => items
        .GroupBy(i => i.ThemeSlug, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => new DigestThemeSection(g.Key, g.Last().Theme, [.. InBriefingOrder(g)]), StringComparer.Ordinal);

    // Themes read in the briefing's order: case studies are numbered through a briefing, so the theme holding the lowest
    // number comes first; themes without numbers keep the order of their slugs (a stable sort).
    internal static int BriefingPosition(DigestThemeSection section) =>
        section.Items.Select(i => int.TryParse(i.Number, out var n) ? n : int.MaxValue).DefaultIfEmpty(int.MaxValue).Min();

    // Within a theme, case studies read in the order the briefing numbers them; unnumbered ones follow by title.
    private static IEnumerable<DigestChange> InBriefingOrder(IEnumerable<DigestChange> items) =>
        items.OrderBy(i => int.TryParse(i.Number, out var n) ? n : int.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal);
}
