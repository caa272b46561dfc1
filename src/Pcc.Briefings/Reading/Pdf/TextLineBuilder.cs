using System.Text;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Groups a page's glyphs into lines: glyphs whose baselines lie within a fraction of the font size share a line,
/// ordered left to right. A space is put between glyphs where the gap after one glyph's advance is wider than a
/// fraction of the font size, which separates words that a PDF positions one by one without space characters.
/// </summary>
internal static class TextLineBuilder
{
    /// <summary>Baselines closer than this many font sizes are one line; superscripts and subscripts stay in it.</summary>
    private const double SameLineTolerance = 0.4;

    /// <summary>A gap wider than this many font sizes separates words. Kerning is far smaller; a space is about 0.25.</summary>
    private const double WordGap = 0.15;

    /// <summary>A glyph repeated within this many font sizes of the same glyph is overprinting (a fake bold), not text.</summary>
    private const double OverprintTolerance = 0.1;

    public static List<TextLine> Build(IReadOnlyList<TextGlyph> glyphs)
    {
        var lines = new List<TextLine>();
        var ordered = glyphs.OrderByDescending(g => g.Y).ToList();
        for (var start = 0; start < ordered.Count;)
        {
            var first = ordered[start];
            var end = start + 1;
            while (end < ordered.Count && first.Y - ordered[end].Y <= SameLineTolerance * Math.Max(first.FontSize, ordered[end].FontSize))
                end++;
            var line = ToLine(ordered.GetRange(start, end - start));
            if (line is not null)
                lines.Add(line);
            start = end;
        }
        return lines;
    }

    private static TextLine? ToLine(List<TextGlyph> glyphs)
    {
        glyphs.Sort((a, b) => a.X.CompareTo(b.X));
        var text = new StringBuilder();
        TextGlyph? previous = null;
        foreach (var glyph in glyphs)
        {
            if (previous is { } p)
            {
                var size = Math.Max(p.FontSize, glyph.FontSize);
                if (p.Text == glyph.Text && Math.Abs(glyph.X - p.X) < OverprintTolerance * size)
                    continue;
                if (glyph.X - p.EndX > WordGap * size)
                    TextNormalizer.AppendSpace(text);
            }
            TextNormalizer.AppendNormalized(text, glyph.Text);
            previous = glyph;
        }

        var content = text.ToString().Trim();
        if (content.Length == 0)
            return null;
        var printed = glyphs.Where(g => !g.IsSpace).ToList();
        var dominant = printed.GroupBy(g => Math.Round(g.FontSize * 2) / 2).MaxBy(g => g.Count())!;
        var isBold = printed.Count(g => g.IsBold) >= 0.9 * printed.Count;
        // The baseline of the main text, so that superscript markers do not shift the line.
        return new TextLine(content, dominant.Average(g => g.Y), dominant.Key, isBold);
    }
}
