namespace Pcc.Briefings.Reading;

/// <summary>Whether a line of plain text (or text extracted from a PDF) is shaped like a heading.</summary>
public static class HeadingShape
{
    private const int MaxHeadingLength = 80;
    private const int MaxHeadingWords = 12;

    // A wrapped line of running text often stops on one of these; a heading almost never does.
    private static readonly HashSet<string> s_continuingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "as",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "which", "who", "where", "when", "whose", "than",
    };

    /// <summary>
    /// True for a short line that (after icon artefacts such as "@g@") starts with a capital, has no closing punctuation and does not stop mid-sentence,
    /// and is not a list item or a "Case study N:" label: "Supporting victims of crime" is heading-shaped,
    /// "The headline proposals include:" and "in Middlesbrough. It aims to reduce" are not.
    /// </summary>
    public static bool IsHeadingLike(string line)
    {
        if (IsListItem(line))
        {
            return false;
        }

        var text = Themes.HeadingText.Clean(line);
        var firstLetter = IndexOfLetter(text);
        if (text.Length is 0 or > MaxHeadingLength || firstLetter < 0)
        {
            return false;
        }

        if (".,;:!?".Contains(text[^1]) || char.IsLower(text[firstLetter]) || StartsWithLabel(text))
        {
            return false;
        }

        var count = CountWords(text, out var last);
        return count <= MaxHeadingWords && (count == 1 || !s_continuingWordLookup.Contains(last));
    }

    /// <summary>True when the text stops on a word a phrase cannot end with ("recovery from the", "across all").</summary>
    public static bool EndsMidPhrase(string text)
    {
        var count = CountWords(text, out var last);
        return count > 1 && (s_continuingWordLookup.Contains(last) || last is "all" or "across" or "between" or "against" or "about" or "its" or "their");
    }

    /// <summary>True when the line starts with a bullet or a dash used as one.</summary>
    public static bool IsListItem(string line)
    {
        var text = line.AsSpan().TrimStart();
        return text.Length > 1 && "•◦▪▫‣⁃·*-–—".Contains(text[0]) && char.IsWhiteSpace(text[1]);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_continuingWordLookup = s_continuingWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many space-separated words the text has, and its last one.</summary>
    private static int CountWords(string text, out ReadOnlySpan<char> last)
    {
        var count = 0;
        last = default;
        foreach (var range in text.AsSpan().Split(' '))
        {
            if (range.Start.Value != range.End.Value)
            {
                count++;
                last = text.AsSpan()[range];
            }
        }

        return count;
    }

    private static int IndexOfLetter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool StartsWithLabel(string text) =>
        text.StartsWith("case study ", StringComparison.OrdinalIgnoreCase) && text.Length > 11 && char.IsDigit(text[11]);
}
