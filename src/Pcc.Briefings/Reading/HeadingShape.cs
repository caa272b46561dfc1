namespace Pcc.Briefings.Reading;

/// <summary>Whether a line of plain text (or text extracted from a PDF) is shaped like a heading.</summary>
public static class HeadingShape
{
    private const int MaxHeadingLength = 120;
    private const int MaxHeadingWords = 15;

    /// <summary>
    /// True for a short line with letters and no closing punctuation that is not a list item:
    /// "Supporting victims of crime" is heading-shaped, "The headline proposals include:" is not.
    /// </summary>
    public static bool IsHeadingLike(string line)
    {
        var text = line.Trim();
        if (text.Length is 0 or > MaxHeadingLength || !text.Any(char.IsLetter))
        {
            return false;
        }

        if (IsListItem(text) || ".,;:!?".Contains(text[^1]))
        {
            return false;
        }

        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingWords;
    }

    /// <summary>True when the line starts with a bullet or a dash used as one.</summary>
    public static bool IsListItem(string line)
    {
        var text = line.TrimStart();
        return text.Length > 1 && "•◦▪▫‣⁃·*-–—".Contains(text[0]) && char.IsWhiteSpace(text[1]);
    }
}
