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
    private readonly ThemeTaxonomy _taxonomy;

    /// <summary>Validates themes against <paramref name="taxonomy"/>.</summary>
    public SubscriptionValidator(ThemeTaxonomy taxonomy) => _taxonomy = taxonomy;

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

    /// <summary>The distinct theme slugs in the order given, or null with an error under <c>themes</c>.</summary>
    public IReadOnlyList<string>? Themes(IReadOnlyList<string?>? themes, IDictionary<string, string[]> errors)
    {
        if (themes is null || themes.Count == 0)
        {
            errors["themes"] = ["Choose at least one theme; GET /api/themes lists them."];
            return null;
        }

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
