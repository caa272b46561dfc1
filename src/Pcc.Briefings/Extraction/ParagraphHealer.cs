using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Re-joins paragraphs that a page break split: when a paragraph stops mid-sentence and the next one continues in
/// lower case ("…embed restorative practice across" / "a range of partner agencies…"), they are one paragraph. Across
/// a page or column break the next may also start with a number ("…young people aged" / "14-25 to influence…") or a
/// capital: a paragraph that ends a page or column without a sentence end runs on, unless the next starts with a
/// case-study label.
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

        var first = next.Lines[0].Text.AsSpan().TrimStart();
        if (first.Length == 0 || CaseStudyLabels.EndsSentence(previous.Lines[^1].Text))
        {
            return false;
        }

        var pageBreak = Breaks(previous.Lines[^1].Location, next.Location);
        var endsWithColon = previous.Lines[^1].Text.AsSpan().TrimEnd().EndsWith(':');
        if (HeadingShape.IsListItem(next.Lines[0].Text))
        {
            // A spaced dash a break put first ("…civil society organisations" / "- including 45…") carries the sentence
            // on; a list's items do not.
            return pageBreak && first.Length > 1 && first[0] is '-' or '\u2013' or '\u2014' && first[1] == ' '
                && !endsWithColon && !HeadingShape.IsListItem(previous.Lines[0].Text);
        }

        if (char.IsLower(first[0]))
        {
            return true;
        }

        return pageBreak && !CaseStudyLabels.StartsWithLabel(next.Lines[0].Text) && !endsWithColon;
    }

    /// <summary>Whether text runs on from <paramref name="before"/> to <paramref name="after"/> over a page break or into the next column.</summary>
    private static bool Breaks(SourceLocation before, SourceLocation after) =>
        before.Page is { } from && after.Page is { } to && (to > from || (to == from && after.Column is { } column && column != before.Column));
}
