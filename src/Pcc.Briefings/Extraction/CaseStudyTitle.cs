using System.Text.RegularExpressions;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// A short title for a case study: its first sentence when that is short, else the sentence's first clause when
/// that says enough ("The Scottish Violence Reduction Unit"), else the sentence cut at a word boundary.
/// </summary>
internal static partial class CaseStudyTitle
{
    public const int MaxLength = 90;
    private const int MinClauseLength = 24;

    private static readonly HashSet<string> s_trailingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "that", "which", "who", "its", "their",
    };

    public static string From(string text)
    {
        var sentence = FirstSentence(text);
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }

        var comma = sentence.IndexOf(", ", StringComparison.Ordinal);
        if (comma is >= MinClauseLength and <= MaxLength)
        {
            return sentence[..comma];
        }

        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        var words = (cut > 0 ? sentence[..cut] : sentence[..(MaxLength - 1)]).Split(' ').ToList();
        while (words.Count > 3 && s_trailingWords.Contains(words[^1].TrimEnd(',', ';', ':')))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).TrimEnd(',', ';', ':', ' ', '-') + "\u2026";
    }

    private static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        var sentence = end.Success ? text[..end.Index] : text;
        return sentence.Trim().TrimEnd('.', '!', '?', ',', ';', ':', '"', '\'', '\u201D', '\u2019', '*', '\u00AE', '\u2122', ' ');
    }

    // A full stop (with any closing quotes or footnote marks) followed by a space and a capital, after the first few words.
    [GeneratedRegex(@"(?<=.{15})[.!?][""'\u201D\u2019*\u00AE\u2122\d]*\s+(?=[""'\u201C\u2018(]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();
}
