namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// What a subscriber follows: themes (slugs), briefings (slugs) and single case studies (keys), each list distinct and
/// in the order given. A subscription follows at least one of them.
/// </summary>
/// <param name="Themes">Theme slugs: every new, changed or removed case study in the theme.</param>
/// <param name="Briefings">Briefing slugs: every new, changed or removed case study in the briefing.</param>
/// <param name="CaseStudies">Case-study keys: every change to the case study, wherever it moves.</param>
public sealed record Follows(IReadOnlyList<string> Themes, IReadOnlyList<string> Briefings, IReadOnlyList<string> CaseStudies)
{
    /// <summary>Nothing followed.</summary>
    public static Follows None { get; } = new([], [], []);

    /// <summary>Themes only, as subscriptions were before briefings and case studies could be followed.</summary>
    public static Follows OfThemes(IEnumerable<string> themes) => new([.. Distinct(themes)], [], []);

    /// <summary>True when nothing is followed.</summary>
    public bool IsEmpty => Themes.Count + Briefings.Count + CaseStudies.Count == 0;

    /// <summary>True when some briefing or case study is followed, not just themes.</summary>
    public bool HasItems => Briefings.Count + CaseStudies.Count > 0;

    /// <summary>These follows and then those of <paramref name="other"/> that are not among them.</summary>
    public Follows Union(Follows other) =>
        new([.. Distinct(Themes.Concat(other.Themes))], [.. Distinct(Briefings.Concat(other.Briefings))], [.. Distinct(CaseStudies.Concat(other.CaseStudies))]);

    /// <summary>The follows of this that <paramref name="other"/> does not have.</summary>
    public Follows Except(Follows other) => new(
        [.. Themes.Except(other.Themes, StringComparer.Ordinal)],
        [.. Briefings.Except(other.Briefings, StringComparer.Ordinal)],
        [.. CaseStudies.Except(other.CaseStudies, StringComparer.Ordinal)]);

    /// <summary>True when everything in <paramref name="other"/> is followed already.</summary>
    public bool Covers(Follows other) => other.Except(this).IsEmpty;

    /// <summary>True when <paramref name="item"/> is followed (as a theme, a briefing or a case study, by its kind).</summary>
    public bool Includes(FollowedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var list = item.Kind switch
        {
            FollowKind.Briefing => Briefings,
            FollowKind.CaseStudy => CaseStudies,
            _ => Themes,
        };
        return list.Contains(item.Id, StringComparer.Ordinal);
    }

    /// <summary>How many things are followed.</summary>
    public int Count => Themes.Count + Briefings.Count + CaseStudies.Count;

    /// <summary>The stored form of a list: comma-separated (slugs and keys never hold commas).</summary>
    internal static string Join(IEnumerable<string> values) => string.Join(',', values);

    /// <summary>A stored list read back.</summary>
    internal static IReadOnlyList<string> Split(string? values) => (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Distinct(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal);
}
