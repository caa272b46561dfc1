using PdfSharp.Pdf;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Text and widths for the 256 codes of a simple font (ISO 32000-1 §9.6): the base encoding named by /Encoding or
/// /BaseEncoding, changed by /Differences (§9.6.6.1), and the /Widths array from /FirstChar (§9.6.2).
/// </summary>
internal sealed class SimpleFontTables
{
    private SimpleFontTables(string?[] text, double[] widths)
    {
        Text = text;
        Widths = widths;
    }

    public string?[] Text { get; }

    /// <summary>Advance widths in text space units per unit font size.</summary>
    public double[] Widths { get; }

    public static SimpleFontTables Create(PdfDictionary font, string baseFont)
    {
        return new SimpleFontTables(BuildText(font, baseFont), BuildWidths(font, baseFont));
    }

    private static string?[] BuildText(PdfDictionary font, string baseFont)
    {
        var encoding = PdfItems.Get(font, "/Encoding");
        var encodingDictionary = encoding as PdfDictionary;
        var baseName = encoding is PdfName name ? name.Value : PdfItems.Name(encodingDictionary, "/BaseEncoding");
        var table = SimpleEncodings.ForName(baseName) ?? DefaultEncoding(font, baseFont);
        var text = table.Select(c => c == '\uFFFD' ? null : c.ToString()).ToArray<string?>();

        var code = 0;
        foreach (var item in PdfItems.Items(PdfItems.Array(encodingDictionary, "/Differences")))
        {
            if (PdfItems.Number(item) is { } number)
                code = (int)number;
            else if (item is PdfName glyph && code is >= 0 and < 256)
                text[code++] = GlyphNames.ToUnicode(glyph.Value.TrimStart('/'));
        }
        return text;
    }

    /// <summary>
    /// Without an /Encoding, a Type 1 font uses its built-in encoding, which for Latin text fonts is StandardEncoding;
    /// TrueType fonts from office software are laid out as WinAnsiEncoding.
    /// </summary>
    private static string DefaultEncoding(PdfDictionary font, string baseFont) =>
        PdfItems.Name(font, "/Subtype") is "/Type1" or "/MMType1" && !baseFont.Contains("Symbol") && !baseFont.Contains("Dingbats")
            ? SimpleEncodings.Standard
            : SimpleEncodings.WinAnsi;

    private static double[] BuildWidths(PdfDictionary font, string baseFont)
    {
        // Type 3 glyph widths are in glyph space, which /FontMatrix maps to text space (§9.6.5); others use 1/1000.
        var scale = PdfItems.Array(font, "/FontMatrix") is { } matrix && PdfItems.Number(matrix.Elements.Count > 0 ? matrix.Elements[0] : null) is { } a and not 0
            ? Math.Abs(a)
            : 0.001;
        var descriptor = PdfItems.Dictionary(font, "/FontDescriptor");
        var missing = PdfItems.Number(descriptor, "/MissingWidth") ?? 0;
        var firstChar = (int)(PdfItems.Number(font, "/FirstChar") ?? 0);
        var widths = PdfItems.Items(PdfItems.Array(font, "/Widths")).Select(PdfItems.Number).ToArray();

        var result = new double[256];
        for (var code = 0; code < 256; code++)
        {
            var index = code - firstChar;
            var width = index >= 0 && index < widths.Length ? widths[index] : null;
            width ??= missing > 0 ? missing : StandardFontWidths.Width(baseFont, code) ?? (widths.Length > 0 ? missing : 500);
            result[code] = width.Value * scale;
        }
        return result;
    }
}
