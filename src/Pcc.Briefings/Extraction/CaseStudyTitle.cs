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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_trailingWordLookup = s_trailingWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string From(string text)
    {
        var sentence = FirstSentence(text);
        if (sentence.Length <= MaxLength)
        {
            return sentence.ToString();
        }

        var comma = sentence.IndexOf(", ");
        if (comma is >= MinClauseLength and <= MaxLength)
        {
            return sentence[..comma].ToString();
        }

        // The words up to the cut, less any trailing words that leave the phrase hanging (at least three words stay).
        var cut = sentence[..MaxLength].LastIndexOf(' ');
        var words = cut > 0 ? sentence[..cut] : sentence[..(MaxLength - 1)];
        while (words.Count(' ') >= 3 && s_trailingWordLookup.Contains(words[(words.LastIndexOf(' ') + 1)..].TrimEnd(",;:")))
        {
            words = words[..words.LastIndexOf(' ')];
        }

        return string.Concat(words.TrimEnd(",;: -"), "\u2026");
    }

    private static ReadOnlySpan<char> FirstSentence(string text)
    {
        var sentence = text.AsSpan();
        foreach (var end in SentenceEnd().EnumerateMatches(text))
        {
            sentence = sentence[..end.Index];
            break;
        }

        return sentence.Trim().TrimEnd(".!?,;:\"'\u201D\u2019*\u00AE\u2122 ");
    }

    // A full stop (with any closing quotes or footnote marks) followed by a space and a capital, after the first few words.
    [GeneratedRegex(@"(?<=.{15})[.!?][""'\u201D\u2019*\u00AE\u2122\d]*\s+(?=[""'\u201C\u2018(]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();
}
