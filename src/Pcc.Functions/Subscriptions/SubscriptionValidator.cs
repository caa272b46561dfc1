using Pcc.Briefings.Themes;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// Checks the fields of subscription requests, adding one message per bad field to an errors dictionary shaped for
/// <c>ValidationProblem</c>. Messages never repeat the input.
/// </summary>
public sealed class SubscriptionValidator
{
    /// <summary>The most briefings one subscriber follows.</summary>
    public const int MaxBriefings = 50;

    /// <summary>The most case studies one subscriber follows one by one.</summary>
    public const int MaxCaseStudies = 200;

    /// <summary>The message when nothing is followed.</summary>
    public const string NothingFollowed = "Choose at least one theme, briefing or case study; GET /api/themes lists the themes.";

    private readonly ThemeTaxonomy _taxonomy;
    private readonly IFollowTitles _titles;

    /// <summary>Validates themes against <paramref name="taxonomy"/>, briefings and case studies against the catalogue (<paramref name="titles"/>).</summary>
    public SubscriptionValidator(ThemeTaxonomy taxonomy, IFollowTitles titles)
    {
        _taxonomy = taxonomy;
        _titles = titles;
    }

    /// <summary>
    /// What a request asks to follow: listed themes (under <c>themes</c>), briefing slugs (<c>briefings</c>) and case-study
    /// keys (<c>caseStudies</c>) the catalogue holds, each list distinct; a list left out is empty. Null with an error per bad
    /// field; with <paramref name="requireSome"/>, an error under <c>themes</c> when nothing is followed. A briefing or case
    /// study in <paramref name="followed"/> (what the subscriber follows now) passes even when the catalogue no longer holds
    /// it: keeping a follow of a briefing an editor removed asks for nothing new, and must not stop the rest being saved.
    /// </summary>
    public async Task<Follows?> FollowsAsync(IReadOnlyList<string?>? themes, IReadOnlyList<string?>? briefings, IReadOnlyList<string?>? caseStudies,
        IDictionary<string, string[]> errors, bool requireSome, CancellationToken cancellationToken, Follows? followed = null)
    {
        var known = ThemeList(themes ?? [], errors);
        var briefingSlugs = Ids(briefings, "briefings", "briefing", MaxBriefings, errors);
        var caseStudyKeys = Ids(caseStudies, "caseStudies", "case study", MaxCaseStudies, errors);
        if (briefingSlugs is { Count: > 0 } || caseStudyKeys is { Count: > 0 })
        {
            var items = await _titles.DescribeAsync(new Follows([], briefingSlugs ?? [], caseStudyKeys ?? []), cancellationToken);
            Unknown(items, FollowKind.Briefing, "briefings", "Not a briefing in the catalogue: item {0} of the list. GET /api/briefings lists them.", followed, errors);
            Unknown(items, FollowKind.CaseStudy, "caseStudies", "Not a case study in the catalogue: item {0} of the list. GET /api/case-studies lists them.", followed, errors);
        }

        if (known is null || briefingSlugs is null || caseStudyKeys is null || errors.ContainsKey("briefings") || errors.ContainsKey("caseStudies"))
        {
            return null;
        }

        var follows = new Follows(known, briefingSlugs, caseStudyKeys);
        if (requireSome && follows.IsEmpty)
        {
            errors["themes"] = [NothingFollowed];
            return null;
        }

        return follows;
    }

    /// <summary>
    /// For a change: each list as <see cref="FollowsAsync"/> checks it, but a list left out stays null (the change keeps
    /// what is followed of that kind; what is in <paramref name="followed"/> may stay though the catalogue no longer holds it).
    /// </summary>
    public async Task<(IReadOnlyList<string>? Themes, IReadOnlyList<string>? Briefings, IReadOnlyList<string>? CaseStudies)?> ChangeAsync(
        IReadOnlyList<string?>? themes, IReadOnlyList<string?>? briefings, IReadOnlyList<string?>? caseStudies, Follows followed, IDictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        var follows = await FollowsAsync(themes, briefings, caseStudies, errors, requireSome: false, cancellationToken, followed);
        return follows is null
            ? null
            : (themes is null ? null : follows.Themes, briefings is null ? null : follows.Briefings, caseStudies is null ? null : follows.CaseStudies);
    }

    /// <summary>The normalised address, or null with an error under <c>email</c>.</summary>
    public string? Address(string? email, IDictionary<string, string[]> errors)
    {
        if (EmailAddressRule.TryNormalise(email, out var address, out var problem))
        {
            return address;
        }

        errors["email"] = [problem];
        return null;
    }

    private IReadOnlyList<string>? ThemeList(IReadOnlyList<string?> themes, IDictionary<string, string[]> errors)
    {
        var unknown = Enumerable.Range(0, themes.Count)
            .Where(i => themes[i] is not { } slug || _taxonomy.Find(slug.Trim()) is not { Listed: true })
            .ToList();
        if (unknown.Count > 0)
        {
            errors["themes"] = [$"Not a theme: item {string.Join(", ", unknown.Take(10).Select(i => i + 1))} of the list. GET /api/themes lists the themes."];
            return null;
        }

        return themes.Select(t => t!.Trim()).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<string>? Ids(IReadOnlyList<string?>? ids, string field, string what, int max, IDictionary<string, string[]> errors)
    {
        if (ids is null)
        {
            return [];
        }

        var bad = Enumerable.Range(0, ids.Count).Where(i => ids[i] is not { } id || id.Trim().Length == 0 || id.Trim().Length > 200).ToList();
        if (bad.Count > 0)
        {
            errors[field] = [$"Not a {what}: item {string.Join(", ", bad.Take(10).Select(i => i + 1))} of the list."];
            return null;
        }

        var distinct = ids.Select(i => i!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > max)
        {
            errors[field] = [$"Follow at most {max} of these."];
            return null;
        }

        return distinct;
    }

    private static void Unknown(IReadOnlyList<FollowedItem> items, FollowKind kind, string field, string message, Follows? followed, IDictionary<string, string[]> errors)
    {
        var unknown = items.Where(i => i.Kind == kind).Select((item, i) => (item, i))
            .Where(x => !x.item.Known && followed?.Includes(x.item) != true).Select(x => x.i + 1).Take(10).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = [string.Format(System.Globalization.CultureInfo.InvariantCulture, message, string.Join(", ", unknown))];
        }
    }

    /// <summary>The frequency, or null with an error under <c>frequency</c>.</summary>
    public DigestFrequency? Frequency(string? frequency, IDictionary<string, string[]> errors)
    {
        if (SubscriptionNames.TryParseFrequency(frequency, out var value))
        {
            return value;
        }

        errors["frequency"] = [$"Choose one of: {string.Join(", ", SubscriptionNames.Frequencies)}."];
        return null;
    }
}
