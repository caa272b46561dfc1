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
        if (text.Length is 0 or > MaxHeadingLength || !text.Any(char.IsLetter))
        {
            return false;
        }

        if (".,;:!?".Contains(text[^1]) || char.IsLower(text.First(char.IsLetter)) || StartsWithLabel(text))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxHeadingWords && (words.Length == 1 || !s_continuingWords.Contains(words[^1]));
    }

    /// <summary>True when the text stops on a word a phrase cannot end with ("recovery from the", "across all").</summary>
    public static bool EndsMidPhrase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && (s_continuingWords.Contains(words[^1]) || words[^1] is "all" or "across" or "between" or "against" or "about" or "its" or "their");
    }

    /// <summary>True when the line starts with a bullet or a dash used as one.</summary>
    public static bool IsListItem(string line)
    {
        var text = line.TrimStart();
        return text.Length > 1 && "•◦▪▫‣⁃·*-–—".Contains(text[0]) && char.IsWhiteSpace(text[1]);
    }

    private static bool StartsWithLabel(string text) =>
        text.StartsWith("case study ", StringComparison.OrdinalIgnoreCase) && text.Length > 11 && char.IsDigit(text[11]);
}
