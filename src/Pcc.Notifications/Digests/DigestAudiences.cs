namespace Pcc.Notifications.Digests;

/// <summary>
/// A window's changes, ready to say which audience a recipient belongs to as the subscriber list streams past: the
/// audience of each distinct follow set is worked out once, when its first recipient arrives, so planning holds the
/// audiences and not the recipients.
/// </summary>
public sealed class DigestAudiences
{
    private readonly IReadOnlyList<DigestChange> _substantiveItems;
    private readonly Dictionary<string, DigestThemeSection> _everything;
    private readonly Dictionary<string, DigestThemeSection> _substantive;
    private readonly Dictionary<string, string> _briefingTitles;
    private readonly Dictionary<(string FollowSet, bool Minor), DigestAudience?> _known = [];

    internal DigestAudiences(IEnumerable<DigestChange> changes)
    {
        Items = ChangeCollapser.Collapse(changes);
        _substantiveItems = [.. Items.Where(i => !i.IsEditorial)];
        _everything = DigestPlanner.Sections(Items);
        _substantive = DigestPlanner.Sections(_substantiveItems);
        _briefingTitles = Items.Where(i => i.BriefingTitle is { Length: > 0 }).GroupBy(i => i.Briefing, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().BriefingTitle!, StringComparer.Ordinal);
    }

    /// <summary>The window's changes, one per case study (see <see cref="ChangeCollapser"/>).</summary>
    public IReadOnlyList<DigestChange> Items { get; }

    /// <summary>How many distinct audiences with something to read the recipients seen so far make up.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The audience <paramref name="recipient"/> belongs to, with no recipients listed, the same instance for everyone
    /// who follows the same things; null when nothing in the window is theirs (a digest is never empty).
    /// </summary>
    public DigestAudience? For(DigestRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var key = (DigestPlanner.FollowSetOf(recipient), recipient.IncludeMinorCorrections);
        if (!_known.TryGetValue(key, out var audience))
        {
            audience = Build(key.Item1, recipient);
            _known.Add(key, audience);
            Count += audience is null ? 0 : 1;
        }

        return audience;
    }

    private DigestAudience? Build(string followSet, DigestRecipient first)
    {
        var minor = first.IncludeMinorCorrections;
        var slugs = Distinct(first.Themes).Order(StringComparer.Ordinal).ToArray();
        var briefings = Distinct(first.Briefings);
        var caseStudies = Distinct(first.CaseStudies);
        var sections = minor ? _everything : _substantive;

        var followed = new List<DigestThemeSection>();
        if (briefings.Length + caseStudies.Length > 0)
        {
            followed.AddRange(DigestPlanner.FollowedSections(minor ? Items : _substantiveItems, briefings, caseStudies));
        }

        // What a followed case study or briefing already shows is not repeated under its theme.
        var themeSections = slugs.Where(sections.ContainsKey).Select(s => sections[s]).OrderBy(DigestPlanner.BriefingPosition).ToList();
        var shown = followed.SelectMany(s => s.Items).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        followed.AddRange(themeSections
            .Select(s => shown.Count == 0 ? s : s with { Items = [.. s.Items.Where(i => !shown.Contains(i.Key))] })
            .Where(s => s.Items.Count > 0));
        if (followed.Count == 0)
        {
            return null;
        }

        var names = themeSections.Select(s => s.Theme).Concat(slugs.Where(s => !sections.ContainsKey(s)).Select(ThemeNames.FromSlug)).ToArray();
        return new DigestAudience(followSet, names, followed, [], minor)
        {
            FollowedBriefings = [.. briefings.Where(_briefingTitles.ContainsKey).Select(b => _briefingTitles[b])],
            OtherFollowedBriefings = briefings.Count(b => !_briefingTitles.ContainsKey(b)),
            FollowedCaseStudies = caseStudies.Length,
        };
    }

    private static string[] Distinct(IEnumerable<string> values) =>
        [.. values.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];
}
