using UglyToad.PdfPig.Tokens;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Turns the bytes of a shown string into text and advance widths for one font (ISO 32000-1 §9.4.3, §9.6, §9.7).
/// A ToUnicode CMap (§9.10.2) takes precedence; simple fonts fall back to their encoding and /Differences.
/// </summary>
internal sealed class PdfFontDecoder
{
    private readonly ToUnicodeCMap? _toUnicode;
    private readonly SimpleFontTables? _simple;
    private readonly CompositeFontMetrics? _composite;

    private PdfFontDecoder(string baseFont, bool isBold, ToUnicodeCMap? toUnicode, SimpleFontTables? simple, CompositeFontMetrics? composite)
    {
        BaseFont = baseFont;
        IsBold = isBold;
        _toUnicode = toUnicode;
        _simple = simple;
        _composite = composite;
    }

    public string BaseFont { get; }

    public bool IsBold { get; }

    /// <summary>How many codes had no Unicode text; a font whose codes mostly lack it produces a warning.</summary>
    public int UnmappedCodes { get; private set; }

    public static PdfFontDecoder Create(DictionaryToken font, PdfObjects objects, Func<StreamToken, byte[]> decodeStream, CancellationToken cancellationToken)
    {
        var baseFont = objects.Name(font, "BaseFont") ?? objects.Name(font, "Name") ?? "(unnamed font)";
        var toUnicodeStream = objects.Stream(font, "ToUnicode");
        var toUnicode = toUnicodeStream is null ? null : ToUnicodeCMap.Parse(decodeStream(toUnicodeStream), cancellationToken);
        var isComposite = objects.Name(font, "Subtype") == "Type0";
        var descriptorHost = isComposite ? CompositeFontMetrics.DescendantFont(font, objects) : font;
        var isBold = IsBoldFont(baseFont, objects.Dictionary(descriptorHost, "FontDescriptor"), objects);
        return isComposite
            ? new PdfFontDecoder(baseFont, isBold, toUnicode, null, CompositeFontMetrics.Create(font, objects, decodeStream, cancellationToken))
            : new PdfFontDecoder(baseFont, isBold, toUnicode, SimpleFontTables.Create(font, baseFont, objects), null);
    }

    public void Decode(byte[] bytes, List<DecodedGlyph> glyphs)
    {
        if (_composite is not null)
            DecodeComposite(bytes, _composite, glyphs);
        else
            DecodeSimple(bytes, _simple!, glyphs);
    }

    private void DecodeSimple(byte[] bytes, SimpleFontTables tables, List<DecodedGlyph> glyphs)
    {
        foreach (var code in bytes)
        {
            var text = _toUnicode?.Lookup(code) ?? tables.Text[code];
            glyphs.Add(new DecodedGlyph(Count(text), tables.Widths[code], code == 32));
        }
    }

    private void DecodeComposite(byte[] bytes, CompositeFontMetrics metrics, List<DecodedGlyph> glyphs)
    {
        var codespaces = metrics.Codespaces.Count > 0 ? metrics.Codespaces : _toUnicode?.Codespaces ?? [];
        for (var offset = 0; offset < bytes.Length;)
        {
            var length = metrics.IsIdentity
                ? Math.Min(2, bytes.Length - offset)
                : CodespaceRange.CodeLength(codespaces, bytes, offset, fallback: 2);
            var code = ToUnicodeCMap.CodeOf(bytes.AsSpan(offset, length));
            var text = _toUnicode?.Lookup(code) ?? metrics.UnicodeFallback(code);
            glyphs.Add(new DecodedGlyph(Count(text), metrics.Width(code), length == 1 && code == 32));
            offset += length;
        }
    }

    private string Count(string? text)
    {
        if (string.IsNullOrEmpty(text) || text == "\uFFFD")
        {
            UnmappedCodes++;
            return "";
        }
        return text;
    }

    private static bool IsBoldFont(string baseFont, DictionaryToken? descriptor, PdfObjects objects)
    {
        // A subset font's name starts with six capitals and a plus sign (§9.6.4); the style follows the family name.
        string[] boldWords = ["Bold", "Black", "Heavy", "Semibold", "SemiBold", "Demi"];
        if (boldWords.Any(word => baseFont.Contains(word, StringComparison.Ordinal)))
            return true;
        const int forceBold = 1 << 18;
        var flags = (int)(objects.Number(descriptor, "Flags") ?? 0);
        return (flags & forceBold) != 0 || objects.Number(descriptor, "FontWeight") >= 600;
    }
}
