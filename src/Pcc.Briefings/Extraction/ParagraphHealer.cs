using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Re-joins paragraphs that a page break split: when a paragraph stops mid-sentence and the next one continues in
/// lower case ("…embed restorative practice across" / "a range of partner agencies…"), they are one paragraph. Across
/// a page break the next may also start with a number ("…young people aged" / "14-25 to influence…") or a capital:
/// a paragraph that ends a page without a sentence end runs on, unless the next page starts with a case-study label.
/// </summary>
internal static class ParagraphHealer
{
    public static List<TextUnit> Heal(IEnumerable<TextUnit> units)
    {
        var result = new List<TextUnit>();
        foreach (var unit in units)
        {
            if (result.Count > 0 && Continues(result[^1], unit))
            {
                result[^1].Lines.AddRange(unit.Lines);
            }
            else
            {
                result.Add(unit);
            }
        }

        return result;
    }

    private static bool Continues(TextUnit previous, TextUnit next)
    {
        if (previous.Kind != BlockKind.Paragraph || next.Kind != BlockKind.Paragraph)
        {
            return false;
        }

        var first = next.Lines[0].Text.TrimStart();
        if (first.Length == 0 || CaseStudyLabels.EndsSentence(previous.Lines[^1].Text) || HeadingShape.IsListItem(first))
        {
            return false;
        }

        if (char.IsLower(first[0]))
        {
            return true;
        }

        var pageBreak = previous.Lines[^1].Location.Page is { } before && next.Location.Page is { } after && after > before;
        return pageBreak && !CaseStudyLabels.StartsWithLabel(first) && !previous.Lines[^1].Text.TrimEnd().EndsWith(':');
    }
}
