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

    /// <summary>A glyph this much smaller than its line's type and raised this far above its baseline is a footnote mark.</summary>
    private const double MarkScale = 0.85;
    private const double MarkRise = 0.2;

    public static List<TextLine> Build(IReadOnlyList<TextGlyph> glyphs, CancellationToken cancellationToken = default)
    {
        // Small raised marks (Chromium raises them by half a line) would otherwise form a line of their own: they are
        // set aside, the lines are found without them, and each goes back to the line it is raised above.
        var pageSize = glyphs.Where(g => !g.IsSpace).GroupBy(g => Math.Round(g.FontSize * 2) / 2).MaxBy(g => g.Count())?.Key ?? 0;
        var marks = glyphs.Where(g => IsMarkGlyph(g) && g.FontSize <= MarkScale * pageSize).ToList();
        var groups = Group(glyphs.Where(g => !(IsMarkGlyph(g) && g.FontSize <= MarkScale * pageSize)).ToList(), cancellationToken);
        foreach (var mark in marks)
        {
            var owner = groups
                .Select(g => (Group: g, Rise: mark.Y - g.Baseline, Size: g.Size))
                .Where(c => Math.Abs(c.Rise) <= SameLineTolerance * c.Size
                    || (c.Rise > 0 && c.Rise <= 0.9 * c.Size && mark.X >= c.Group.Left - c.Size && mark.X <= c.Group.Right + c.Size))
                .OrderBy(c => Math.Abs(c.Rise - 0.4 * c.Size))
                .Select(c => c.Group)
                .FirstOrDefault();
            if (owner is null)
                groups.Add(new GlyphGroup([mark]));
            else
                owner.Glyphs.Add(mark);
        }

        return groups.OrderByDescending(g => g.Baseline).Select(g => ToLine(g.Glyphs)).OfType<TextLine>().ToList();
    }

    private static List<GlyphGroup> Group(List<TextGlyph> glyphs, CancellationToken cancellationToken)
    {
        var groups = new List<GlyphGroup>();
        var ordered = glyphs.OrderByDescending(g => g.Y).ToList();
        for (var start = 0; start < ordered.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = ordered[start];
            var end = start + 1;
            while (end < ordered.Count && first.Y - ordered[end].Y <= SameLineTolerance * Math.Max(first.FontSize, ordered[end].FontSize))
                end++;
            var group = ordered.GetRange(start, end - start);
            group.Sort((a, b) => a.X.CompareTo(b.X));
            groups.Add(new GlyphGroup(group));
            start = end;
        }
        return groups;
    }

    private static bool IsMarkGlyph(TextGlyph glyph) => !glyph.IsSpace && glyph.Text.All(c => char.IsDigit(c) || "*†‡§¶".Contains(c));

    /// <summary>Glyphs on one baseline, left to right, with the baseline, size and extent of the type most of them are set in (measured before marks join).</summary>
    private sealed class GlyphGroup
    {
        public GlyphGroup(List<TextGlyph> glyphs)
        {
            Glyphs = glyphs;
            var dominant = glyphs.Where(g => !g.IsSpace).GroupBy(g => Math.Round(g.FontSize * 2) / 2).MaxBy(g => g.Count());
            Baseline = dominant?.Average(g => g.Y) ?? glyphs[0].Y;
            Size = dominant?.Key ?? glyphs[0].FontSize;
            Left = glyphs.Min(g => g.X);
            Right = glyphs.Max(g => g.EndX);
        }

        public List<TextGlyph> Glyphs { get; }

        public double Baseline { get; }

        public double Size { get; }

        public double Left { get; }

        public double Right { get; }
    }

    private static TextLine? ToLine(List<TextGlyph> glyphs)
    {
        glyphs.Sort((a, b) => a.X.CompareTo(b.X));
        var body = glyphs.Where(g => !g.IsSpace).GroupBy(g => Math.Round(g.FontSize * 2) / 2).MaxBy(g => g.Count());
        var baseline = body is null ? 0 : body.Average(g => g.Y);
        var letterGap = LetterGap(glyphs);
        var text = new StringBuilder();
        TextGlyph? previous = null;
        var marks = 0;
        var inMark = false;
        foreach (var glyph in glyphs)
        {
            if (body is not null && IsRaisedMark(glyph, body.Key, baseline))
            {
                marks += inMark ? 0 : 1;
                inMark = true;
                // The gap after the mark decides the space, so "word¹ next" keeps its space and "word¹." gets none.
                if (previous is { } before)
                    previous = before with { Text = "", Width = glyph.EndX - before.X };
                continue;
            }

            inMark = false;
            if (previous is { } p)
            {
                var size = Math.Max(p.FontSize, glyph.FontSize);
                if (p.Text == glyph.Text && Math.Abs(glyph.X - p.X) < OverprintTolerance * size)
                    continue;
                if (glyph.X - p.EndX > letterGap + WordGap * size)
                    TextNormalizer.AppendSpace(text);
            }
            TextNormalizer.AppendNormalized(text, glyph.Text);
            previous = glyph;
        }

        var content = text.ToString().Trim();
        if (content.Length == 0)
            return null;
        var printed = glyphs.Where(g => !g.IsSpace).ToList();
        var isBold = printed.Count(g => g.IsBold) >= 0.9 * printed.Count;
        // The baseline of the main text, so that superscript markers do not shift the line.
        return new TextLine(content, baseline, body!.Key, isBold, marks);
    }

    /// <summary>
    /// The gap usually left between letters of a word: zero, unless the line is set with character spacing (Tc) or
    /// tracked out, when every letter stands apart and only a wider gap separates words.
    /// </summary>
    private static double LetterGap(List<TextGlyph> glyphs)
    {
        var gaps = new List<double>();
        for (var i = 1; i < glyphs.Count; i++)
        {
            if (!glyphs[i].IsSpace && !glyphs[i - 1].IsSpace)
                gaps.Add(glyphs[i].X - glyphs[i - 1].EndX);
        }

        if (gaps.Count < 4)
            return 0;
        gaps.Sort();
        return Math.Max(0, gaps[gaps.Count / 2]);
    }

    /// <summary>A superscript footnote reference: digits or a mark such as * or †, set smaller and raised (ISO 32000-1 §9.3.7 text rise).</summary>
    private static bool IsRaisedMark(TextGlyph glyph, double bodySize, double baseline) =>
        !glyph.IsSpace && glyph.FontSize <= MarkScale * bodySize && glyph.Y - baseline >= MarkRise * bodySize
        && glyph.Text.All(c => char.IsDigit(c) || "*†‡§¶,–-".Contains(c));
}
