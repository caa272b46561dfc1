using System.Runtime.InteropServices;
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

    public static List<TextLine> Build(ReadOnlySpan<TextGlyph> glyphs, CancellationToken cancellationToken = default)
    {
        // Small raised marks (Chromium raises them by half a line) would otherwise form a line of their own: they are
        // set aside, the lines are found without them, and each goes back to the line it is raised above.
        var pageSize = DominantType.Of(glyphs).Size;
        var marks = new List<TextGlyph>();
        var rest = ReaderPools.Glyphs.Rent(glyphs.Length);
        var restCount = 0;
        foreach (var glyph in glyphs)
        {
            if (IsMarkGlyph(glyph) && glyph.FontSize <= MarkScale * pageSize)
                marks.Add(glyph);
            else
                rest[restCount++] = glyph;
        }

        List<GlyphGroup> groups;
        try
        {
            groups = Group(rest, restCount, cancellationToken);
        }
        finally
        {
            ReaderPools.Glyphs.Return(rest, clearArray: true);
        }

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

    private static List<GlyphGroup> Group(TextGlyph[] source, int count, CancellationToken cancellationToken)
    {
        var groups = new List<GlyphGroup>();
        GlyphOrder.TopToBottom(source, count);

        for (var start = 0; start < count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = source[start];
            var end = start + 1;
            while (end < count && first.Y - source[end].Y <= SameLineTolerance * Math.Max(first.FontSize, source[end].FontSize))
                end++;
            var group = new List<TextGlyph>(end - start);
            group.AddRange(source.AsSpan(start, end - start));
            SortByX(group);
            groups.Add(new GlyphGroup(group));
            start = end;
        }
        return groups;
    }

    /// <summary>Sorts glyphs left to right by plain keys, unless they already are (a page's layout hands over its rows in order).</summary>
    private static void SortByX(List<TextGlyph> glyphs)
    {
        var items = CollectionsMarshal.AsSpan(glyphs);
        var sorted = true;
        for (var i = 1; i < items.Length && sorted; i++)
            sorted = items[i - 1].X <= items[i].X;
        if (sorted)
            return;
        Span<double> keys = items.Length <= 256 ? stackalloc double[items.Length] : new double[items.Length];
        for (var i = 0; i < items.Length; i++)
            keys[i] = items[i].X;
        keys.Sort(items);
    }

    private static bool IsMarkGlyph(TextGlyph glyph) => !glyph.IsSpace && glyph.Text.All(c => char.IsDigit(c) || "*†‡§¶".Contains(c));

    /// <summary>Glyphs on one baseline, left to right, with the baseline, size and extent of the type most of them are set in (measured before marks join).</summary>
    private sealed class GlyphGroup
    {
        public GlyphGroup(List<TextGlyph> glyphs)
        {
            Glyphs = glyphs;
            var dominant = DominantType.Of(CollectionsMarshal.AsSpan(glyphs));
            Baseline = dominant.Found ? dominant.Baseline : glyphs[0].Y;
            Size = dominant.Found ? dominant.Size : glyphs[0].FontSize;
            Left = double.MaxValue;
            Right = double.MinValue;
            foreach (var glyph in glyphs)
            {
                Left = Math.Min(Left, glyph.X);
                Right = Math.Max(Right, glyph.EndX);
            }
        }

        public List<TextGlyph> Glyphs { get; }

        public double Baseline { get; }

        public double Size { get; }

        public double Left { get; }

        public double Right { get; }
    }

    private static TextLine? ToLine(List<TextGlyph> glyphs)
    {
        SortByX(glyphs);
        var body = DominantType.Of(CollectionsMarshal.AsSpan(glyphs));
        var baseline = body.Baseline;
        var letterGap = LetterGap(glyphs);
        var text = new StringBuilder(glyphs.Count + 8);
        TextGlyph? previous = null;
        var marks = 0;
        var inMark = false;
        foreach (var glyph in glyphs)
        {
            if (body.Found && IsRaisedMark(glyph, body.Size, baseline))
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
                    GlyphText.AppendSpace(text);
            }
            GlyphText.Append(text, glyph.Text);
            previous = glyph;
        }

        var content = text.ToString().Trim();
        if (content.Length == 0)
            return null;
        int printed = 0, bold = 0;
        foreach (var glyph in glyphs)
        {
            printed += glyph.IsSpace ? 0 : 1;
            bold += !glyph.IsSpace && glyph.IsBold ? 1 : 0;
        }

        var isBold = bold >= 0.9 * printed;
        // The baseline of the main text, so that superscript markers do not shift the line.
        return new TextLine(content, baseline, body.Size, isBold, marks);
    }

    /// <summary>
    /// The gap usually left between letters of a word: zero, unless the line is set with character spacing (Tc) or
    /// tracked out, when every letter stands apart and only a wider gap separates words.
    /// </summary>
    private static double LetterGap(List<TextGlyph> glyphs)
    {
        Span<double> gaps = glyphs.Count <= 256 ? stackalloc double[glyphs.Count] : new double[glyphs.Count];
        var count = 0;
        for (var i = 1; i < glyphs.Count; i++)
        {
            if (!glyphs[i].IsSpace && !glyphs[i - 1].IsSpace)
                gaps[count++] = glyphs[i].X - glyphs[i - 1].EndX;
        }

        if (count < 4)
            return 0;
        gaps = gaps[..count];
        gaps.Sort();
        return Math.Max(0, gaps[count / 2]);
    }

    /// <summary>A superscript footnote reference: digits or a mark such as * or †, set smaller and raised (ISO 32000-1 §9.3.7 text rise).</summary>
    private static bool IsRaisedMark(TextGlyph glyph, double bodySize, double baseline) =>
        !glyph.IsSpace && glyph.FontSize <= MarkScale * bodySize && glyph.Y - baseline >= MarkRise * bodySize
        && glyph.Text.All(c => char.IsDigit(c) || "*†‡§¶,–-".Contains(c));

    /// <summary>
    /// The type most printed glyphs are set in (sizes rounded to half a point; the first met wins a tie), and the mean
    /// baseline of those glyphs. Counted by hand: this runs for every line of every page.
    /// </summary>
    internal readonly record struct DominantType(bool Found, double Size, double Baseline)
    {
        public static DominantType Of(ReadOnlySpan<TextGlyph> glyphs)
        {
            Span<double> sizes = stackalloc double[8];
            Span<int> counts = stackalloc int[8];
            Span<double> baselines = stackalloc double[8];
            var kinds = 0;
            List<(double Size, int Count, double Baselines)>? more = null;
            for (var g = 0; g < glyphs.Length; g++)
            {
                var glyph = glyphs[g];
                if (glyph.IsSpace)
                    continue;
                var size = Math.Round(glyph.FontSize * 2) / 2;
                var i = 0;
                while (i < kinds && sizes[i] != size)
                    i++;
                if (i < kinds)
                {
                    counts[i]++;
                    baselines[i] += glyph.Y;
                    continue;
                }

                if (kinds < sizes.Length)
                {
                    (sizes[kinds], counts[kinds], baselines[kinds]) = (size, 1, glyph.Y);
                    kinds++;
                    continue;
                }

                more ??= [];
                var at = more.FindIndex(m => m.Size == size);
                if (at < 0)
                    more.Add((size, 1, glyph.Y));
                else
                    more[at] = (size, more[at].Count + 1, more[at].Baselines + glyph.Y);
            }

            if (kinds == 0)
                return default;
            var best = 0;
            for (var i = 1; i < kinds; i++)
            {
                if (counts[i] > counts[best])
                    best = i;
            }

            var result = new DominantType(true, sizes[best], baselines[best] / counts[best]);
            if (more?.MaxBy(m => m.Count) is { } other && other.Count > counts[best])
                result = new DominantType(true, other.Size, other.Baselines / other.Count);
            return result;
        }
    }
}
