using System.Buffers;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Pools for a page's working arrays. Every document is read on a thread of its own (see <see cref="BriefingReader"/>),
/// and <see cref="ArrayPool{T}.Shared"/> keeps a returned array in the returning thread's own storage, lost when that
/// thread ends; these pools are shared by all threads, so one document's arrays serve the next.
/// </summary>
internal static class ReaderPools
{
    /// <summary>Pages with more glyphs than this (far beyond a dense A4 page's 5,000) get arrays of their own.</summary>
    private const int MaxPooledLength = 64 * 1024;

    /// <summary>Arrays kept per size: enough for the documents read at once (host.json allows 4) and a page's working copies.</summary>
    private const int ArraysPerSize = 8;

    public static readonly ArrayPool<TextGlyph> Glyphs = ArrayPool<TextGlyph>.Create(MaxPooledLength, ArraysPerSize);

    public static readonly ArrayPool<double> Keys = ArrayPool<double>.Create(MaxPooledLength, ArraysPerSize);

    public static readonly ArrayPool<int> Indexes = ArrayPool<int>.Create(MaxPooledLength, ArraysPerSize);

    /// <summary>Inflated streams checked by <see cref="PdfStructureGuard"/>; a page's content is rarely above a few hundred kilobytes.</summary>
    public static readonly ArrayPool<byte> Bytes = ArrayPool<byte>.Create(4 * 1024 * 1024, ArraysPerSize);
}
