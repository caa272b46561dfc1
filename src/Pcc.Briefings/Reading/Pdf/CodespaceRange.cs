namespace Pcc.Briefings.Reading.Pdf;

/// <summary>A codespace range of a CMap (ISO 32000-1 §9.7.6.2): codes of one byte length, each byte within bounds.</summary>
internal sealed record CodespaceRange(byte[] Low, byte[] High)
{
    public int Length => Low.Length;

    public bool Matches(ReadOnlySpan<byte> code)
    {
        if (code.Length != Low.Length)
            return false;
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] < Low[i] || code[i] > High[i])
                return false;
        }
        return true;
    }

    /// <summary>
    /// The length of the code starting at <paramref name="offset"/>: the shortest range that matches, else the
    /// shortest range length (so that a bad byte consumes as little as possible), else <paramref name="fallback"/>.
    /// </summary>
    public static int CodeLength(IReadOnlyList<CodespaceRange> ranges, ReadOnlySpan<byte> bytes, int offset, int fallback)
    {
        if (ranges.Count == 0)
            return Math.Min(fallback, bytes.Length - offset);
        var shortest = int.MaxValue;
        for (var length = 1; length <= 4 && offset + length <= bytes.Length; length++)
        {
            foreach (var range in ranges)
            {
                if (range.Matches(bytes.Slice(offset, length)))
                    return length;
                shortest = Math.Min(shortest, range.Length);
            }
        }
        return Math.Clamp(shortest == int.MaxValue ? 1 : shortest, 1, bytes.Length - offset);
    }
}
