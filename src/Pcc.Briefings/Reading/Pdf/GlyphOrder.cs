using System.Buffers;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Puts a page's glyphs top to bottom. Sorting plain keys with an index and moving each glyph once is several times
/// faster than sorting the glyphs themselves, which costs more than PdfPig's decoding of the page.
/// </summary>
internal static class GlyphOrder
{
    /// <summary>Insertion moves allowed per glyph before a nearly sorted run is given up for the full sort.</summary>
    private const int MaxMovesPerGlyph = 4;

    /// <summary>Sorts the first <paramref name="count"/> of <paramref name="glyphs"/> by baseline, highest first (stable).</summary>
    public static void TopToBottom(TextGlyph[] glyphs, int count)
    {
        // Text is mostly drawn line by line and a region's rows come top to bottom, so the glyphs are often nearly in
        // order already: an insertion sort finishes those in about one pass.
        if (!TryInsertionSort(glyphs, count))
            IndexSort(glyphs, count);
    }

    private static bool TryInsertionSort(TextGlyph[] glyphs, int count)
    {
        var budget = (long)MaxMovesPerGlyph * count;
        for (var i = 1; i < count; i++)
        {
            var glyph = glyphs[i];
            var j = i - 1;
            while (j >= 0 && glyphs[j].Y < glyph.Y)
            {
                if (--budget < 0)
                {
                    glyphs[j + 1] = glyph; // Every glyph is still there, partly sorted, for the full sort.
                    return false;
                }

                glyphs[j + 1] = glyphs[j];
                j--;
            }

            glyphs[j + 1] = glyph;
        }

        return true;
    }

    private static void IndexSort(TextGlyph[] glyphs, int count)
    {
        var keys = ArrayPool<double>.Shared.Rent(count);
        var index = ArrayPool<int>.Shared.Rent(count);
        var moved = ArrayPool<TextGlyph>.Shared.Rent(count);
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
            ArrayPool<double>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(index);
            ArrayPool<TextGlyph>.Shared.Return(moved, clearArray: true);
        }
    }
}
