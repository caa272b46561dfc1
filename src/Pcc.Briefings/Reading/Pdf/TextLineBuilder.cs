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
        List<TextGlyph>? marks = null;
        var rest = ReaderPools.Glyphs.Rent(glyphs.Length);
        try
        {
            var restCount = 0;
            foreach (var glyph in glyphs)
            {
                if (IsMarkGlyph(glyph) && glyph.FontSize <= MarkScale * pageSize)
                    (marks ??= []).Add(glyph);
                else
                    rest[restCount++] = glyph;
            }

            var groups = Group(rest, restCount, cancellationToken);
            foreach (var mark in marks ?? [])
            {
                if (Owner(groups, mark) is { } owner)
                    owner.Add(mark);
                else
                    groups.Add(GlyphGroup.Of(mark));
            }

            ByBaselineDescending(groups);
            var lines = new List<TextLine>(groups.Count);
            var text = new StringBuilder();
            foreach (var group in groups)
            {
                if (ToLine(group.Glyphs(rest), text) is { } line)
                    lines.Add(line);
            }

            return lines;
        }
        finally
        {
            ReaderPools.Glyphs.Return(rest, clearArray: true);
        }
    }

    /// <summary>The line a mark is raised above (or sits on): of the lines it could belong to, the one it is raised closest to 0.4 of the type size above; the first of equals.</summary>
    private static GlyphGroup? Owner(List<GlyphGroup> groups, TextGlyph mark)
    {
        GlyphGroup? owner = null;
        var best = 0.0;
        foreach (var group in groups)
        {
            var rise = mark.Y - group.Baseline;
            var size = group.Size;
            if (!(Math.Abs(rise) <= SameLineTolerance * size
                || (rise > 0 && rise <= 0.9 * size && mark.X >= group.Left - size && mark.X <= group.Right + size)))
                continue;
            var distance = Math.Abs(rise - 0.4 * size);
            if (owner is null || distance.CompareTo(best) < 0)
                (owner, best) = (group, distance);
        }

        return owner;
    }

    /// <summary>A stable sort, highest baseline first; the lines come nearly in that order, so it is one insertion pass.</summary>
    private static void ByBaselineDescending(List<GlyphGroup> groups)
    {
        for (var i = 1; i < groups.Count; i++)
        {
            var group = groups[i];
            var j = i - 1;
            while (j >= 0 && groups[j].Baseline.CompareTo(group.Baseline) < 0)
            {
                groups[j + 1] = groups[j];
                j--;
            }

            groups[j + 1] = group;
        }
    }

    /// <summary>The lines of the first <paramref name="count"/> of <paramref name="source"/>, sorted in place: top to bottom, each line left to right.</summary>
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
            SortByX(source.AsSpan(start, end - start));
            groups.Add(new GlyphGroup(source, start, end - start));
            start = end;
        }
        return groups;
    }

    /// <summary>Sorts glyphs left to right by plain keys, unless they already are (a page's layout hands over its rows in order).</summary>
    private static void SortByX(Span<TextGlyph> items)
    {
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

    private static bool IsMarkGlyph(TextGlyph glyph) => !glyph.IsSpace && IsMarkText(glyph.Text, "*†‡§¶");

    /// <summary>Whether every character is a digit or one of <paramref name="marks"/>.</summary>
    private static bool IsMarkText(string text, string marks)
    {
        foreach (var c in text)
        {
            if (!char.IsDigit(c) && !marks.Contains(c))
                return false;
        }

        return true;
    }

    /// <summary>
    /// Glyphs on one baseline, left to right, with the baseline, size and extent of the type most of them are set in
    /// (measured before marks join): a stretch of the region's sorted glyphs, and the marks that join it.
    /// </summary>
    private sealed class GlyphGroup
    {
        private readonly int _start;
        private readonly int _count;
        private List<TextGlyph>? _joined;

        public GlyphGroup(TextGlyph[] source, int start, int count)
            : this(source.AsSpan(start, count)) => (_start, _count) = (start, count);

        private GlyphGroup(ReadOnlySpan<TextGlyph> glyphs)
        {
            var dominant = DominantType.Of(glyphs);
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

        /// <summary>A line of one mark that no line takes.</summary>
        public static GlyphGroup Of(TextGlyph mark) => new([mark]) { _joined = [mark] };

        public double Baseline { get; }

        public double Size { get; }

        public double Left { get; }

        public double Right { get; }

        public void Add(TextGlyph mark) => (_joined ??= []).Add(mark);

        /// <summary>The line's glyphs left to right: the stretch of <paramref name="source"/> itself, or with its marks a sorted copy.</summary>
        public ReadOnlySpan<TextGlyph> Glyphs(TextGlyph[] source)
        {
            if (_joined is null)
                return source.AsSpan(_start, _count);
            var all = new TextGlyph[_count + _joined.Count];
            source.AsSpan(_start, _count).CopyTo(all);
            CollectionsMarshal.AsSpan(_joined).CopyTo(all.AsSpan(_count));
            SortByX(all);
            return all;
        }
    }

    private static TextLine? ToLine(ReadOnlySpan<TextGlyph> glyphs, StringBuilder text)
    {
        var body = DominantType.Of(glyphs);
        var baseline = body.Baseline;
        var letterGap = LetterGap(glyphs);
        text.Clear();
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

        // Trimmed as string.Trim trims, without the untrimmed copy.
        int from = 0, to = text.Length;
        while (from < to && char.IsWhiteSpace(text[from]))
            from++;
        while (to > from && char.IsWhiteSpace(text[to - 1]))
            to--;
        if (to == from)
            return null;
        var content = text.ToString(from, to - from);
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
    private static double LetterGap(ReadOnlySpan<TextGlyph> glyphs)
    {
        Span<double> gaps = glyphs.Length <= 256 ? stackalloc double[glyphs.Length] : new double[glyphs.Length];
        var count = 0;
        for (var i = 1; i < glyphs.Length; i++)
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
        && IsMarkText(glyph.Text, "*†‡§¶,–-");

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
                var at = 0;
                while (at < more.Count && more[at].Size != size)
                    at++;
                if (at == more.Count)
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
