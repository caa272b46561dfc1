using Pcc.Briefings.Identity;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Says what became of text set apart from the running text (a boxed sidebar, a pull quote): it is never part of a
/// case study, and a pull quote that repeats a case study's words is named as a repetition of it.
/// </summary>
internal static partial class Asides
{
    /// <summary>A box repeats a case study when at least this many of its words appear in the case study in order.</summary>
    private const int MinRepeatedWords = 5;

    public static IEnumerable<string> Describe(IEnumerable<DocumentBlock> asides, IReadOnlyList<CaseStudy> caseStudies)
    {
        // Most documents have no asides: the case studies' words are only gathered for the first one.
        List<(CaseStudy CaseStudy, string Words)>? texts = null;
        foreach (var aside in asides)
        {
            texts ??= caseStudies.Select(c => (c, " " + string.Join(' ', TextNormalizer.Words(c.Text)) + " ")).ToList();
            // A word broken over the box's narrow lines ("long- / term") is the case study's one word.
            var words = TextNormalizer.Words(BrokenWord().Replace(aside.Text, "-"));
            var phrase = " " + string.Join(' ', words) + " ";
            var snippet = Snippet(aside.Text);
            var repeated = words.Count >= MinRepeatedWords ? texts.FirstOrDefault(t => t.Words.Contains(phrase, StringComparison.Ordinal)).CaseStudy : null;
            yield return repeated is null
                ? $"A box on {aside.Location} (\"{snippet}\") is set apart from the running text and is not part of any case study."
                : $"A pull quote on {aside.Location} (\"{snippet}\") repeats {(repeated.Number is { } n ? $"case study {n}" : $"\"{repeated.Title}\"")} and is left out of its text.";
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{L})- (?=\p{L})")]
    private static partial System.Text.RegularExpressions.Regex BrokenWord();

    private static string Snippet(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 60 ? trimmed : trimmed[..57].TrimEnd() + "…";
    }
}
