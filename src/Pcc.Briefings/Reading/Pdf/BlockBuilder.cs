namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Groups a page's lines into headings and paragraphs. A paragraph ends where the space between baselines is
/// clearly wider than the page's usual line spacing, or where the type changes (size or bold). A block set larger
/// than the body text, or a short block in bold where the body is not, is a heading.
/// </summary>
internal static class BlockBuilder
{
    /// <summary>A gap between baselines wider than this multiple of the usual line spacing starts a new paragraph.</summary>
    private const double ParagraphGap = 1.3;

    /// <summary>The line spacing, in font sizes, that wrapped lines of heading type are set with at most.</summary>
    private const double HeadingLineSpacing = 1.25;

    /// <summary>Text this much larger than the body text is heading type.</summary>
    private const double HeadingScale = 1.15;

    /// <summary>A bold block is a heading only if it is this short, so that a paragraph set in bold stays a paragraph.</summary>
    private const int MaxBoldHeadingLength = 120;

    /// <summary>The blocks of one region's lines; <paramref name="start"/> is where its first line is.</summary>
    public static IEnumerable<DocumentBlock> Build(IReadOnlyList<TextLine> lines, SourceLocation start, BodyStyle body)
    {
        var spacing = UsualLineSpacing(lines, body);
        var first = 0;
        for (var i = 1; i <= lines.Count; i++)
        {
            if (i < lines.Count && !StartsBlock(lines[i - 1], lines[i], spacing))
                continue;
            var blockLines = lines.Skip(first).Take(i - first).ToList();
            yield return new DocumentBlock(Kind(blockLines, body), blockLines.Select(l => l.Text).ToList(), start with { Line = start.Line + first });
            first = i;
        }
    }

    private static bool StartsBlock(TextLine previous, TextLine line, double spacing)
    {
        var gap = previous.Y - line.Y;
        // Type larger than the body (a heading wrapped over two lines) is spaced by its own size, not the body's.
        var lineSpacing = Math.Max(spacing, HeadingLineSpacing * Math.Min(previous.FontSize, line.FontSize));
        return gap > ParagraphGap * lineSpacing
            || gap < 0
            || previous.IsBold != line.IsBold
            || Math.Abs(previous.FontSize - line.FontSize) > 0.1 * Math.Max(previous.FontSize, line.FontSize);
    }

    private static BlockKind Kind(List<TextLine> lines, BodyStyle body)
    {
        var size = lines.Average(l => l.FontSize);
        var length = lines.Sum(l => l.Text.Length);
        if (size >= HeadingScale * body.FontSize && length <= 3 * MaxBoldHeadingLength)
            return BlockKind.Heading;
        if (lines.All(l => l.IsBold) && !body.IsBold && lines.Count <= 2 && length <= MaxBoldHeadingLength)
            return BlockKind.Heading;
        return BlockKind.Paragraph;
    }

    /// <summary>The median distance between the baselines of neighbouring lines in the body type.</summary>
    private static double UsualLineSpacing(IReadOnlyList<TextLine> lines, BodyStyle body)
    {
        var gaps = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            var (a, b) = (lines[i - 1], lines[i]);
            if (IsBodySize(a, body) && IsBodySize(b, body) && a.Y - b.Y > 0)
                gaps.Add(a.Y - b.Y);
        }
        var typical = 1.2 * body.FontSize;
        if (gaps.Count == 0)
            return typical;
        gaps.Sort();
        // The lower median: a page with as many paragraph breaks as wrapped lines still yields the line spacing.
        var median = gaps[(gaps.Count - 1) / 2];
        // Too few lines to tell wrapped lines from paragraph breaks: trust the type size unless the lines are tighter.
        return gaps.Count < 3 ? Math.Min(median, typical) : median;
    }

    private static bool IsBodySize(TextLine line, BodyStyle body) => Math.Abs(line.FontSize - body.FontSize) <= 0.1 * body.FontSize;
}
