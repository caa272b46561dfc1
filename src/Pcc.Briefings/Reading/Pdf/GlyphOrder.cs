using System.Buffers;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Puts a page's glyphs top to bottom. Sorting plain keys with an index and moving each glyph once is several times
/// faster than sorting the glyphs themselves, which costs more than PdfPig's decoding of the page.
/// </summary>
internal static class GlyphOrder
{
    /// <summary>Sorts the first <paramref name="count"/> of <paramref name="glyphs"/> by baseline, highest first.</summary>
    public static void TopToBottom(TextGlyph[] glyphs, int count)
    {
        var keys = ArrayPool<double>.Shared.Rent(count);
        var index = ArrayPool<int>.Shared.Rent(count);
        var moved = ArrayPool<TextGlyph>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
                (keys[i], index[i]) = (-glyphs[i].Y, i);
            Array.Sort(keys, index, 0, count);
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
