namespace Pcc.Functions.Pages.Subscribers;

/// <summary>What the subscribe form posted, as typed.</summary>
public sealed record SubscribeForm(string? Email, IReadOnlyList<string?> Themes, string? Frequency, bool IncludeMinorCorrections = false)
{
    /// <summary>An empty form, with a daily digest chosen.</summary>
    public static SubscribeForm Empty { get; } = new(null, [], "daily");

    /// <summary>Reads the posted fields <c>email</c>, <c>themes</c> (repeated), <c>frequency</c> and the <c>minor</c> checkbox.</summary>
    public static SubscribeForm From(IFormCollection form) =>
        new(form["email"], form["themes"].ToArray(), form["frequency"], MinorCorrections(form));

    /// <summary>Whether the <c>minor</c> checkbox ("include minor corrections") was ticked.</summary>
    public static bool MinorCorrections(IFormCollection form) => form["minor"].Contains("true");

    /// <summary>How the minor-corrections choice reads on a form.</summary>
    public const string MinorCorrectionsLabel = "Include minor corrections";

    /// <summary>What a minor correction is, under the checkbox.</summary>
    public const string MinorCorrectionsHint = "Spelling, punctuation and other edits that leave what a case study says as it was. Without this, you hear only of new, removed and substantively changed case studies.";
}
