using UglyToad.PdfPig.Tokens;

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

    public static SimpleFontTables Create(DictionaryToken font, string baseFont, PdfObjects objects)
    {
        return new SimpleFontTables(BuildText(font, baseFont, objects), BuildWidths(font, baseFont, objects));
    }

    private static string?[] BuildText(DictionaryToken font, string baseFont, PdfObjects objects)
    {
        var encoding = objects.Get(font, "Encoding");
        var encodingDictionary = encoding as DictionaryToken;
        var baseName = encoding is NameToken name ? name.Data : objects.Name(encodingDictionary, "BaseEncoding");
        var table = SimpleEncodings.ForName(baseName) ?? DefaultEncoding(font, baseFont, objects);
        var text = table.Select(c => c == '\uFFFD' ? null : c.ToString()).ToArray<string?>();

        var code = 0;
        foreach (var item in objects.Items(objects.Array(encodingDictionary, "Differences")))
        {
            if (objects.Number(item) is { } number)
                code = (int)number;
            else if (item is NameToken glyph && code is >= 0 and < 256)
                text[code++] = GlyphNames.ToUnicode(glyph.Data);
        }
        return text;
    }

    /// <summary>
    /// Without an /Encoding, a Type 1 font uses its built-in encoding, which for Latin text fonts is StandardEncoding;
    /// TrueType fonts from office software are laid out as WinAnsiEncoding.
    /// </summary>
    private static string DefaultEncoding(DictionaryToken font, string baseFont, PdfObjects objects) =>
        objects.Name(font, "Subtype") is "Type1" or "MMType1" && !baseFont.Contains("Symbol") && !baseFont.Contains("Dingbats")
            ? SimpleEncodings.Standard
            : SimpleEncodings.WinAnsi;

    private static double[] BuildWidths(DictionaryToken font, string baseFont, PdfObjects objects)
    {
        // Type 3 glyph widths are in glyph space, which /FontMatrix maps to text space (§9.6.5); others use 1/1000.
        var scale = objects.Array(font, "FontMatrix") is { Length: > 0 } matrix && objects.Number(matrix[0]) is { } a and not 0
            ? Math.Abs(a)
            : 0.001;
        var descriptor = objects.Dictionary(font, "FontDescriptor");
        var missing = objects.Number(descriptor, "MissingWidth") ?? 0;
        var firstChar = (int)(objects.Number(font, "FirstChar") ?? 0);
        var widths = objects.Items(objects.Array(font, "Widths")).Select(objects.Number).ToArray();

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
