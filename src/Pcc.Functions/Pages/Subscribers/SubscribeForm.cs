using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Pages.Subscribers;

/// <summary>What the subscribe form (or a case study's or briefing's follow form) posted, as typed.</summary>
public sealed record SubscribeForm(string? Email, IReadOnlyList<string?> Themes, string? Frequency, bool IncludeMinorCorrections = false)
{
    /// <summary>An empty form, with a daily digest chosen.</summary>
    public static SubscribeForm Empty { get; } = new(null, [], "daily");

    /// <summary>Briefing slugs to follow (hidden fields <c>briefings</c>, from a briefing's page).</summary>
    public IReadOnlyList<string?> Briefings { get; init; } = [];

    /// <summary>Case-study keys to follow (hidden fields <c>caseStudies</c>, from a case study's page).</summary>
    public IReadOnlyList<string?> CaseStudies { get; init; } = [];

    /// <summary>The briefings and case studies the form follows, whatever themes are ticked.</summary>
    public Follows Items => new([], [.. Briefings.OfType<string>().Select(b => b.Trim()).Where(b => b.Length > 0).Distinct()],
        [.. CaseStudies.OfType<string>().Select(c => c.Trim()).Where(c => c.Length > 0).Distinct()]);

    /// <summary>
    /// Reads the posted fields <c>email</c>, <c>themes</c> (repeated), <c>briefings</c> and <c>caseStudies</c>
    /// (repeated, hidden), <c>frequency</c> and the <c>minor</c> checkbox.
    /// </summary>
    public static SubscribeForm From(IFormCollection form) =>
        new(form["email"], form["themes"].ToArray(), form["frequency"], MinorCorrections(form))
        {
            Briefings = form["briefings"].ToArray(),
            CaseStudies = form["caseStudies"].ToArray(),
        };

    /// <summary>An empty form following what <c>/subscribe?briefing=…&amp;caseStudy=…</c> names.</summary>
    public static SubscribeForm For(IQueryCollection query) => Empty with
    {
        Briefings = [.. query["briefing"].Take(PerLink)],
        CaseStudies = [.. query["caseStudy"].Take(PerLink)],
    };

    /// <summary>Whether the <c>minor</c> checkbox ("include minor corrections") was ticked.</summary>
    public static bool MinorCorrections(IFormCollection form) => form["minor"].Contains("true");

    /// <summary>How the minor-corrections choice reads on a form.</summary>
    public const string MinorCorrectionsLabel = "Include minor corrections";

    /// <summary>What a minor correction is, under the checkbox.</summary>
    public const string MinorCorrectionsHint = "Spelling, punctuation and other edits that leave what a case study says as it was. Without this, you hear only of new, removed and substantively changed case studies.";

    // A link to the subscribe page names what one page's form would: a few items at most.
    private const int PerLink = 20;
}
