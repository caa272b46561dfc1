namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Puts a page's glyphs top to bottom (a stable sort by baseline). Text is mostly drawn line by line, and a page in
/// columns column after column, so the glyphs come as a few runs, each nearly in order: each run is finished with an
/// insertion sort in about one pass and the runs are merged. Glyphs in any other order get a sort of plain keys with
/// an index, moving each glyph once, which is several times faster than sorting the glyphs themselves.
/// </summary>
internal static class GlyphOrder
{
    /// <summary>Insertion moves allowed per glyph before nearly sorted runs are given up for the full sort.</summary>
    private const int MaxMovesPerGlyph = 4;

    /// <summary>A glyph more than this many of its font sizes above the one drawn before starts a run (the top of the next column or box).</summary>
    private const double RunBreak = 2;

    /// <summary>More runs than this are no order to build on.</summary>
    private const int MaxRuns = 64;

    /// <summary>Sorts the first <paramref name="count"/> of <paramref name="glyphs"/> by baseline, highest first (stable).</summary>
    public static void TopToBottom(TextGlyph[] glyphs, int count)
    {
        var bounds = new List<int> { 0 };
        for (var i = 1; i < count && bounds.Count <= MaxRuns; i++)
        {
            if (glyphs[i].Y - glyphs[i - 1].Y > RunBreak * glyphs[i].FontSize)
                bounds.Add(i);
        }

        bounds.Add(count);
        if (bounds.Count - 1 > MaxRuns || !TrySortRuns(glyphs, bounds))
            IndexSort(glyphs, count);
        else if (bounds.Count > 2)
            MergeRuns(glyphs, bounds, count);
    }

    private static bool TrySortRuns(TextGlyph[] glyphs, List<int> bounds)
    {
        var budget = (long)MaxMovesPerGlyph * bounds[^1];
        for (var run = 0; run + 1 < bounds.Count; run++)
        {
            if (!TryInsertionSort(glyphs, bounds[run], bounds[run + 1], ref budget))
                return false;
        }

        return true;
    }

    private static bool TryInsertionSort(TextGlyph[] glyphs, int start, int end, ref long budget)
    {
        for (var i = start + 1; i < end; i++)
        {
            var glyph = glyphs[i];
            var j = i - 1;
            while (j >= start && glyphs[j].Y < glyph.Y)
            {
                if (--budget < 0)
                {
                    glyphs[j + 1] = glyph; // Every glyph is still there, and equal baselines still in their order, for the full sort.
                    return false;
                }

                glyphs[j + 1] = glyphs[j];
                j--;
            }

            glyphs[j + 1] = glyph;
        }

        return true;
    }

    /// <summary>Merges neighbouring sorted runs pairwise until one is left; on equal baselines the earlier run's glyph comes first.</summary>
    private static void MergeRuns(TextGlyph[] glyphs, List<int> bounds, int count)
    {
        var buffer = ReaderPools.Glyphs.Rent(count);
        try
        {
            var (source, target) = (glyphs, buffer);
            while (bounds.Count > 2)
            {
                var merged = new List<int> { 0 };
                for (var r = 0; r + 1 < bounds.Count; r += 2)
                {
                    var end = r + 2 < bounds.Count ? bounds[r + 2] : bounds[r + 1];
                    Merge(source, bounds[r], bounds[r + 1], end, target);
                    merged.Add(end);
                }

                (bounds, source, target) = (merged, target, source);
            }

            if (source != glyphs)
                Array.Copy(source, glyphs, count);
        }
        finally
        {
            ReaderPools.Glyphs.Return(buffer, clearArray: true);
        }
    }

    private static void Merge(TextGlyph[] source, int start, int middle, int end, TextGlyph[] target)
    {
        int left = start, right = middle, to = start;
        while (left < middle && right < end)
            target[to++] = source[right].Y > source[left].Y ? source[right++] : source[left++];
        Array.Copy(source, left, target, to, middle - left);
        Array.Copy(source, right, target, to + middle - left, end - right);
    }

    private static void IndexSort(TextGlyph[] glyphs, int count)
    {
        var keys = ReaderPools.Keys.Rent(count);
        var index = ReaderPools.Indexes.Rent(count);
        var moved = ReaderPools.Glyphs.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
                (keys[i], index[i]) = (-glyphs[i].Y, i);
            // Equal baselines keep their order (the index breaks ties), as the insertion sort keeps it.
            Array.Sort(keys, index, 0, count);
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && keys[end] == keys[start])
                    end++;
                Array.Sort(index, start, end - start);
                start = end;
            }

            for (var i = 0; i < count; i++)
                moved[i] = glyphs[index[i]];
            Array.Copy(moved, glyphs, count);
        }
        finally
        {
            ReaderPools.Keys.Return(keys);
            ReaderPools.Indexes.Return(index);
            ReaderPools.Glyphs.Return(moved, clearArray: true);
        }
    }
}
