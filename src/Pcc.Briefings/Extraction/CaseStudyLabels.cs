using System.Text.RegularExpressions;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Finds "Case study N:" labels. A label counts where a line starts or a sentence has just ended, so a label in the
/// middle of a paragraph (no blank line before it) or after re-wrapping is still found, but a mention inside a sentence is not.
/// </summary>
internal static partial class CaseStudyLabels
{
    public static bool StartsWithLabel(string text)
    {
        // The first match is the leftmost one: a label at the start is found first or not at all.
        foreach (var match in Label().EnumerateMatches(text.AsSpan().TrimStart()))
        {
            return match.Index == 0;
        }

        return false;
    }

    public static IReadOnlyList<FoundLabel> Find(JoinedText text)
    {
        List<FoundLabel>? found = null;
        foreach (var match in Label().EnumerateMatches(text.Value))
        {
            if (match.Index == 0 || text.IsLineStart(match.Index) || OnlyBullet(text.Value.AsSpan(0, match.Index))
                || EndsSentence(text.Value.AsSpan(0, match.Index)))
            {
                found ??= [];
                found.Add(new FoundLabel(Number(text.Value.AsSpan(match.Index, match.Length)), match.Index, match.Index + match.Length));
            }
        }

        return found ?? [];
    }

    /// <summary>The number of a matched label: its one run of digits, which the pattern's group captures whole.</summary>
    private static int Number(ReadOnlySpan<char> label)
    {
        var start = 0;
        while (!char.IsDigit(label[start]))
        {
            start++;
        }

        var end = start;
        while (end < label.Length && char.IsDigit(label[end]))
        {
            end++;
        }

        return int.Parse(label[start..end]);
    }

    private static bool OnlyBullet(ReadOnlySpan<char> before) => before.Trim().Trim("\u2022\u25E6\u25AA*-\u2013\u2014\u00B7").IsEmpty;

    public static bool EndsSentence(ReadOnlySpan<char> before)
    {
        var text = before.TrimEnd();
        while (text.Length > 0 && IsTrailingMark(text[^1]))
        {
            text = text[..^1];
        }

        return text.Length > 0 && text[^1] is '.' or '!' or '?';
    }

    private static bool IsTrailingMark(char c) =>
        c is '"' or '\'' or '\u201D' or '\u2019' or ')' or '*' or '\u00AE' or '\u2122' or '\u00B9' or '\u00B2' or '\u00B3'
        || char.IsAsciiDigit(c) || c is >= '\u2070' and <= '\u209F';

    [GeneratedRegex(@"\bCase\s+study\s+(\d{1,3})\s*[:.\u2013\u2014-]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
