using Pcc.Briefings.Reading;
using Pcc.Briefings.Themes;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Joins a heading that wraps onto a second heading line ("Building trust in policing across all" / "communities"):
/// consecutive headings are one when the first stops mid-phrase, the second continues in lower case, or together they
/// name a theme that neither names alone. Separate headings (a title, then "Introduction") stay apart.
/// </summary>
internal static class HeadingJoiner
{
    public static List<TextUnit> Join(IEnumerable<TextUnit> units, ThemeTaxonomy taxonomy)
    {
        var result = new List<TextUnit>();
        foreach (var unit in units)
        {
            if (result.Count > 0 && result[^1].Kind == BlockKind.Heading && (unit.Kind == BlockKind.Heading || IsHeadingTail(unit))
                && Continues(result[^1], unit, taxonomy))
                result[^1].Lines.AddRange(unit.Lines);
            else
                result.Add(unit);
        }

        return result;
    }

    /// <summary>
    /// Plain text cannot mark a heading's second line as a heading when it starts in lower case ("communities"): a
    /// single short line without sentence punctuation may still end a heading that stopped mid-phrase.
    /// </summary>
    private static bool IsHeadingTail(TextUnit unit)
    {
        if (unit.Lines.Count != 1)
        {
            return false;
        }

        var text = unit.Lines[0].Text.AsSpan().Trim();
        return text.Length > 0 && char.IsLower(text[0]) && text.Count(' ') + 1 <= 6 && !".,;:!?".Contains(text[^1]);
    }

    private static bool Continues(TextUnit first, TextUnit second, ThemeTaxonomy taxonomy)
    {
        var head = HeadingText.Clean(first.Text);
        var tail = HeadingText.Clean(second.Text);
        if (head.Length == 0 || tail.Length == 0 || ".:;!?".Contains(head[^1]))
            return false;
        if (HeadingShape.EndsMidPhrase(head))
            return true;
        if (second.Kind != BlockKind.Heading)
            return false;
        if (char.IsLower(tail[0]))
            return true;
        return taxonomy.Match($"{head} {tail}") is not null && taxonomy.Match(head) is null && taxonomy.Match(tail) is null;
    }
}
