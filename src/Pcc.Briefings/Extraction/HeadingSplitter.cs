using Pcc.Briefings.Reading;
using Pcc.Briefings.Themes;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Finds theme headings that a reader left inside a paragraph (a heading line with no blank line around it) and
/// splits them out, so the text before a heading never runs into the next section.
/// </summary>
internal static class HeadingSplitter
{
    public static List<TextUnit> Split(IEnumerable<TextUnit> units, ThemeTaxonomy taxonomy)
    {
        var result = new List<TextUnit>();
        foreach (var unit in units)
        {
            if (unit.Kind == BlockKind.Heading && !IsMisreadParagraph(unit))
            {
                result.Add(unit);
                continue;
            }

            var standalone = unit.Lines.Count == 1;
            var split = 0;
            while (split < unit.Lines.Count && !IsHeadingLine(unit.Lines[split].Text, taxonomy, standalone))
            {
                split++;
            }

            if (split > 0 && split == unit.Lines.Count)
            {
                // Most paragraphs hold no heading: the unit goes on as it is, as a paragraph.
                unit.Kind = BlockKind.Paragraph;
                result.Add(unit);
                continue;
            }

            var pending = unit.Lines[..split];
            foreach (var line in unit.Lines[split..])
            {
                if (IsHeadingLine(line.Text, taxonomy, standalone))
                {
                    Flush(pending, result);
                    result.Add(new TextUnit(BlockKind.Heading, [line]));
                }
                else
                {
                    pending.Add(line);
                }
            }

            Flush(pending, result);
        }

        return result;
    }

    // A reader's heading that starts in lower case or with a case-study label is running text split by a page break.
    private static bool IsMisreadParagraph(TextUnit unit)
    {
        var text = unit.Text.TrimStart();
        return CaseStudyLabels.StartsWithLabel(text) || char.IsLower(FirstLetter(text));
    }

    private static bool IsHeadingLine(string line, ThemeTaxonomy taxonomy, bool standalone)
    {
        // A theme's words inside running text ("…reducing / drug-related harm.") are not a heading: headings start
        // with a capital and have no closing punctuation.
        var text = HeadingText.Clean(line);
        if (HeadingShape.IsListItem(line) || text.Length == 0 || ".,;:!?".Contains(text[^1]) || !char.IsUpper(FirstLetter(text)))
        {
            return false;
        }

        return taxonomy.Match(text) is not null || (standalone && HeadingShape.IsHeadingLike(line) && SectionMarkers.IsCaseStudiesHeading(line));
    }

    private static void Flush(List<UnitLine> pending, List<TextUnit> result)
    {
        if (pending.Count > 0)
        {
            result.Add(new TextUnit(BlockKind.Paragraph, [.. pending]));
            pending.Clear();
        }
    }

    /// <summary>The first letter of <paramref name="text"/>, or '\0' when it has none.</summary>
    private static char FirstLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return c;
            }
        }

        return default;
    }
}
