namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Puts a page's glyphs in reading order from its layout. Rows of glyphs are cut into pieces at wide gaps; rows far
/// apart vertically make bands (a running header, the body, a footer); in a band, a gutter is a strip that nearly no
/// piece covers with text on both sides. Rows that cross a gutter (a title set across the columns) are read whole
/// where they stand; between them each column is read top to bottom, then the next. Text inside a drawn box (a
/// sidebar, a pull quote) is set apart in a region of its own.
/// </summary>
/// <remarks>
/// Ours rather than PdfPig's DocumentLayoutAnalysis: on the two-column seed (25,498 letters, 6 pages) its
/// NearestNeighbourWordExtractor with RecursiveXYCut took about 3×, and with DocstrumBoundingBoxes about 5×, the time
/// PdfPig takes to open the file and decode its letters, and both put the words of stretched justified lines out of
/// order ("supporting communities safer. families makes"); this is one sort and a few passes over the page's rows.
/// </remarks>
internal static class PageLayout
{
    /// <summary>Baselines closer than this many font sizes are one row (as <see cref="TextLineBuilder"/> groups lines).</summary>
    private const double SameRowTolerance = 0.4;

    /// <summary>A gap wider than this many font sizes between glyphs of a row cuts it into pieces.</summary>
    private const double PieceGap = 0.8;

    /// <summary>Clear space taller than this many body sizes between rows separates bands.</summary>
    private const double BandGap = 1.5;

    /// <summary>A gutter is at least this many body sizes wide.</summary>
    private const double MinGutter = 0.6;

    /// <summary>At most this share of a band's rows may cross a gutter (titles and headings set across the columns).</summary>
    private const double MaxCrossingShare = 0.1;

    /// <summary>A band needs this many rows before its columns are looked for.</summary>
    private const int MinColumnRows = 3;

    /// <summary>The page's regions in reading order (column text, rows across the page, then boxes), each with its lines.</summary>
    public static List<(PageRegion Region, List<TextLine> Lines)> Read(ArraySegment<TextGlyph> glyphs, IReadOnlyList<PageBox> boxes, CancellationToken cancellationToken = default)
    {
        if (glyphs.Count == 0)
            return [];
        // A page's glyphs fill arrays larger than the large-object threshold: pooled, they cost no full collections.
        var ordered = ReaderPools.Glyphs.Rent(glyphs.Count);
        var output = ReaderPools.Glyphs.Rent(glyphs.Count);
        try
        {
            var regions = Regions(glyphs, boxes, ordered, output);
            var read = new List<(PageRegion Region, List<TextLine> Lines)>(regions.Count);
            foreach (var region in regions)
                read.Add((region, TextLineBuilder.Build(region.Glyphs, cancellationToken)));
            return read;
        }
        finally
        {
            ReaderPools.Glyphs.Return(ordered, clearArray: true);
            ReaderPools.Glyphs.Return(output, clearArray: true);
        }
    }

    private static List<PageRegion> Regions(ArraySegment<TextGlyph> glyphs, IReadOnlyList<PageBox> boxes, TextGlyph[] ordered, TextGlyph[] output)
    {
        var regions = new List<PageRegion>();
        var flow = 0;
        List<TextGlyph>[]? boxed = null;
        foreach (var glyph in glyphs)
        {
            var box = boxes.Count == 0 ? -1 : IndexOfBox(boxes, glyph);
            if (box < 0)
                ordered[flow++] = glyph;
            else
                ((boxed ??= new List<TextGlyph>[boxes.Count])[box] ??= []).Add(glyph);
        }

        var size = TextLineBuilder.DominantType.Of(flow > 0 ? ordered.AsSpan(0, flow) : glyphs) is { Found: true } type ? type.Size : 10;
        // Each region's glyphs are copied once, region after region, into one array the regions are segments of.
        var reader = new Reader(ordered, output, regions);
        foreach (var band in MergeBands(Bands(Rows(ordered, flow), size), size))
            reader.Read(band);
        if (boxed is not null)
            regions.AddRange(boxed.Where(b => b is { Count: > 0 }).Select(b => new PageRegion(new ArraySegment<TextGlyph>(b.ToArray()), null, IsBox: true)));
        return regions;
    }

    private static int IndexOfBox(IReadOnlyList<PageBox> boxes, TextGlyph glyph)
    {
        for (var i = 0; i < boxes.Count; i++)
        {
            if (boxes[i].Contains(glyph.X + glyph.Width / 2, glyph.Y + 0.3 * glyph.FontSize))
                return i;
        }

        return -1;
    }

    /// <summary>
    /// Glyphs grouped by baseline, top row first, each cut into pieces at gaps wider than <see cref="PieceGap"/>;
    /// the first <paramref name="count"/> of <paramref name="ordered"/> are sorted in place (rows top to bottom, each left to right) and pieces index into it.
    /// </summary>
    private static List<Row> Rows(TextGlyph[] ordered, int count)
    {
        var rows = new List<Row>();
        GlyphOrder.TopToBottom(ordered, count);
        var keys = ReaderPools.Keys.Rent(count);
        try
        {
            CutRows(ordered, keys, count, rows);
        }
        finally
        {
            ReaderPools.Keys.Return(keys);
        }

        return rows;
    }

    private static void CutRows(TextGlyph[] ordered, double[] keys, int count, List<Row> rows)
    {
        for (var start = 0; start < count;)
        {
            var first = ordered[start];
            var end = start + 1;
            double top = first.Y + 0.75 * first.FontSize, bottom = first.Y - 0.25 * first.FontSize;
            while (end < count && first.Y - ordered[end].Y <= SameRowTolerance * Math.Max(first.FontSize, ordered[end].FontSize))
            {
                top = Math.Max(top, ordered[end].Y + 0.75 * ordered[end].FontSize);
                bottom = Math.Min(bottom, ordered[end].Y - 0.25 * ordered[end].FontSize);
                end++;
            }

            // Left to right by plain keys: a row is short, so its glyphs are sorted in place, unless drawn in order already.
            var sorted = true;
            for (var i = start + 1; i < end && sorted; i++)
                sorted = ordered[i - 1].X < ordered[i].X;
            if (!sorted)
            {
                for (var i = start; i < end; i++)
                    keys[i] = ordered[i].X;
                Array.Sort(keys, ordered, start, end - start);
            }
            if (Pieces(ordered, start, end) is { Count: > 0 } pieces)
                rows.Add(new Row(pieces, top, bottom)); // A row of spaces alone has nothing to read.
            start = end;
        }
    }

    /// <summary>The row <paramref name="start"/>..<paramref name="end"/> of <paramref name="ordered"/> cut at wide gaps; a space never bridges a gap, it goes with the text before it.</summary>
    private static List<Piece> Pieces(TextGlyph[] ordered, int start, int end)
    {
        var pieces = new List<Piece>();
        var pieceStart = start;
        double left = 0, right = 0, size = 0;
        var hasText = false;
        for (var i = start; i < end; i++)
        {
            var glyph = ordered[i];
            if (glyph.IsSpace)
                continue;
            if (hasText && glyph.X - right > PieceGap * Math.Max(glyph.FontSize, size))
            {
                pieces.Add(new Piece(pieceStart, i, left, right));
                (pieceStart, hasText, size) = (i, false, 0);
            }

            if (!hasText)
                (left, right) = (glyph.X, glyph.EndX);
            hasText = true;
            right = Math.Max(right, glyph.EndX);
            size = Math.Max(size, glyph.FontSize);
        }

        if (hasText)
            pieces.Add(new Piece(pieceStart, end, left, right));
        else if (pieces.Count > 0)
            pieces[^1] = pieces[^1] with { End = end };
        return pieces;
    }

    private static List<Band> Bands(List<Row> rows, double bodySize)
    {
        var bands = new List<Band>();
        foreach (var row in rows)
        {
            if (bands.Count == 0 || bands[^1].Rows[^1].Bottom - row.Top > BandGap * bodySize)
                bands.Add(new Band());
            bands[^1].Rows.Add(row);
        }

        foreach (var band in bands)
            band.Gutters = Gutters(band.Rows, bodySize);
        return bands;
    }

    /// <summary>
    /// Joins neighbouring bands that belong to one set of columns (clear space can line up across columns by chance,
    /// and a column can run on below where its neighbour ends). A short band at the top or bottom of the page is a
    /// running header or footer and stays apart.
    /// </summary>
    private static List<Band> MergeBands(List<Band> bands, double bodySize)
    {
        var merged = new List<Band>();
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var isEdge = (i == 0 || i == bands.Count - 1) && band.Rows.Count <= 2;
            if (merged.Count > 0 && !isEdge && !merged[^1].IsEdge && Fits(merged[^1], band))
            {
                merged[^1].Rows.AddRange(band.Rows);
                merged[^1].Gutters = Gutters(merged[^1].Rows, bodySize);
                continue;
            }

            band.IsEdge = isEdge;
            merged.Add(band);
        }

        return merged;
    }

    private static bool Fits(Band above, Band below)
    {
        if (above.Gutters.Count == 0 && below.Gutters.Count == 0)
            return false;
        if (above.Gutters.Count > 0 && below.Gutters.Count > 0)
            return above.Gutters.Count == below.Gutters.Count && above.Gutters.Zip(below.Gutters).All(p => p.First.Overlaps(p.Second));
        var gutters = above.Gutters.Count > 0 ? above.Gutters : below.Gutters;
        var other = above.Gutters.Count > 0 ? below : above;
        return other.Rows.All(r => !r.CrossesAny(gutters));
    }

    /// <summary>The band's gutters, left to right: strips at least <see cref="MinGutter"/> wide that few rows cross, with text on both sides.</summary>
    private static List<Gutter> Gutters(List<Row> rows, double bodySize)
    {
        if (rows.Count < MinColumnRows)
            return [];
        double left = double.MaxValue, right = double.MinValue;
        foreach (var row in rows)
        {
            foreach (var piece in row.Pieces)
                (left, right) = (Math.Min(left, piece.Left), Math.Max(right, piece.Right));
        }

        var bins = (int)Math.Ceiling(right - left) + 1;
        if (bins < 3)
            return [];
        var scale = bins > 4000 ? bins / 4000.0 : 1;
        bins = (int)Math.Ceiling(bins / scale) + 1;

        // How many rows cover each point across the band (each row counted once per point).
        var delta = new int[bins + 1];
        foreach (var row in rows)
        {
            foreach (var piece in row.Pieces)
            {
                delta[(int)((piece.Left - left) / scale)]++;
                delta[Math.Min(bins, (int)Math.Ceiling((piece.Right - left) / scale))]--;
            }
        }

        var cover = new int[bins];
        for (int i = 0, running = 0; i < bins; i++)
            cover[i] = running += delta[i];

        var allowed = Math.Max(1, (int)(MaxCrossingShare * rows.Count));
        var gutters = new List<Gutter>();
        for (var i = 1; i < bins - 1;)
        {
            if (cover[i] > allowed)
            {
                i++;
                continue;
            }

            var end = i;
            while (end < bins && cover[end] <= allowed)
                end++;
            if (end < bins - 1)
            {
                // The core of the run: its least-covered stretch, the space between the columns itself.
                var least = int.MaxValue;
                for (var k = i; k < end; k++)
                    least = Math.Min(least, cover[k]);
                var (coreStart, coreEnd) = LongestStretch(cover, i, end, least);
                var gutter = new Gutter(left + coreStart * scale, left + coreEnd * scale);
                if (gutter.Right - gutter.Left >= MinGutter * bodySize && HasTextBothSides(rows, gutter))
                    gutters.Add(gutter);
            }

            i = end;
        }

        return gutters;
    }

    private static (int Start, int End) LongestStretch(int[] cover, int from, int to, int value)
    {
        var best = (Start: from, End: from);
        for (var i = from; i < to;)
        {
            if (cover[i] != value)
            {
                i++;
                continue;
            }

            var end = i;
            while (end < to && cover[end] == value)
                end++;
            if (end - i > best.End - best.Start)
                best = (i, end);
            i = end;
        }

        return best;
    }

    private static bool HasTextBothSides(List<Row> rows, Gutter gutter) =>
        rows.Count(r => !r.Crosses(gutter) && r.Pieces.Any(p => p.Right <= gutter.Left)) >= 2
        && rows.Count(r => !r.Crosses(gutter) && r.Pieces.Any(p => p.Left >= gutter.Right)) >= 2;

    /// <summary>Copies glyphs region by region into <paramref name="output"/>, adding each region as a segment of it.</summary>
    private sealed class Reader(TextGlyph[] ordered, TextGlyph[] output, List<PageRegion> regions)
    {
        private int _written;

        /// <summary>Reads a band: rows that cross a gutter whole, and between them each column top to bottom.</summary>
        public void Read(Band band)
        {
            var from = 0;
            for (var i = 0; i <= band.Rows.Count; i++)
            {
                if (i < band.Rows.Count && !band.Rows[i].CrossesAny(band.Gutters))
                    continue;
                Columns(band, from, i);
                if (i == band.Rows.Count)
                    break;
                // Neighbouring rows across the gutters are read together, as lines of one region.
                var across = i;
                while (across < band.Rows.Count && band.Rows[across].CrossesAny(band.Gutters))
                    across++;
                Emit(band, i, across, null);
                from = across;
                i = across - 1;
            }
        }

        private void Columns(Band band, int from, int to)
        {
            if (to <= from)
                return;
            if (band.Gutters.Count == 0)
            {
                Emit(band, from, to, null);
                return;
            }

            for (var column = 1; column <= band.Gutters.Count + 1; column++)
                Emit(band, from, to, column);
        }

        private static int ColumnOf(Band band, Piece piece)
        {
            var column = 0;
            foreach (var gutter in band.Gutters)
                column += gutter.Right <= piece.Left + 0.001 ? 1 : 0;
            return column;
        }

        /// <summary>Rows <paramref name="from"/> up to <paramref name="to"/> of the band as a region: their pieces in <paramref name="column"/> (from 1), or all of them.</summary>
        private void Emit(Band band, int from, int to, int? column)
        {
            var start = _written;
            for (var r = from; r < to; r++)
            {
                foreach (var piece in band.Rows[r].Pieces)
                {
                    if (column is { } c && ColumnOf(band, piece) != c - 1)
                        continue;
                    ordered.AsSpan(piece.Start, piece.End - piece.Start).CopyTo(output.AsSpan(_written));
                    _written += piece.End - piece.Start;
                }
            }

            if (_written > start)
                regions.Add(new PageRegion(new ArraySegment<TextGlyph>(output, start, _written - start), column));
        }
    }

    /// <summary>Glyphs <see cref="Start"/> up to <see cref="End"/> of the page's ordered glyphs, and the extent of their text.</summary>
    private readonly record struct Piece(int Start, int End, double Left, double Right);

    private sealed record Row(List<Piece> Pieces, double Top, double Bottom)
    {
        public bool Crosses(Gutter gutter)
        {
            foreach (var piece in Pieces)
            {
                if (piece.Left < gutter.Right && piece.Right > gutter.Left)
                    return true;
            }

            return false;
        }

        public bool CrossesAny(List<Gutter> gutters)
        {
            foreach (var gutter in gutters)
            {
                if (Crosses(gutter))
                    return true;
            }

            return false;
        }
    }

    private sealed class Band
    {
        public List<Row> Rows { get; } = [];

        public List<Gutter> Gutters { get; set; } = [];

        public bool IsEdge { get; set; }
    }

    private readonly record struct Gutter(double Left, double Right)
    {
        public bool Overlaps(Gutter other) => Left < other.Right && other.Left < Right;
    }
}

/// <summary>
/// Glyphs read together: a column's text (<paramref name="Column"/> from 1), text across the page (null), or a box's.
/// <paramref name="Glyphs"/> lies in a pooled array, valid only while <see cref="PageLayout.Read"/> builds the lines.
/// </summary>
internal sealed record PageRegion(ArraySegment<TextGlyph> Glyphs, int? Column, bool IsBox = false);

/// <summary>A rectangle drawn on the page around text: a sidebar's frame or background, a pull quote's border.</summary>
internal readonly record struct PageBox(double Left, double Bottom, double Right, double Top)
{
    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Bottom && y <= Top;
}
