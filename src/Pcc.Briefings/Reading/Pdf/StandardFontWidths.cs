namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Approximate advance widths (thousandths of an em) for the standard 14 fonts (ISO 32000-1 §9.6.2.2), which older
/// producers use without a /Widths array. Printable ASCII only; other codes take the font's average. Only the
/// spacing between words depends on these, so regular-weight metrics serve the bold and italic styles too.
/// </summary>
internal static class StandardFontWidths
{
    private static readonly short[] Helvetica =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static readonly short[] Times =
    [
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
        921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
        556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
        333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
        500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
    ];

    /// <summary>The width of <paramref name="code"/> (in the standard encoding) for a base font name, or null if not a standard font.</summary>
    public static double? Width(string baseFont, int code)
    {
        if (baseFont.Contains("Courier", StringComparison.OrdinalIgnoreCase))
            return 600;
        var table = baseFont.Contains("Times", StringComparison.OrdinalIgnoreCase) ? Times
            : baseFont.Contains("Helvetica", StringComparison.OrdinalIgnoreCase) || baseFont.Contains("Arial", StringComparison.OrdinalIgnoreCase) ? Helvetica
            : null;
        if (table is null)
            return null;
        return code is >= 32 and < 127 ? table[code - 32] : 500;
    }
}
