using UglyToad.PdfPig.Tokens;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// What a Type0 (composite) font needs beyond its ToUnicode map (ISO 32000-1 §9.7): how codes are split, from the
/// /Encoding CMap (Identity-H/V: two bytes, §9.7.5.2), and CID widths from the descendant's /W and /DW (§9.7.4.3).
/// With Identity encodings the code is the CID.
/// </summary>
internal sealed class CompositeFontMetrics
{
    private readonly Dictionary<uint, double> _widths;
    private readonly double _defaultWidth;
    private readonly bool _codesAreUnicode;

    private CompositeFontMetrics(bool isIdentity, bool codesAreUnicode, IReadOnlyList<CodespaceRange> codespaces, Dictionary<uint, double> widths, double defaultWidth)
    {
        IsIdentity = isIdentity;
        _codesAreUnicode = codesAreUnicode;
        Codespaces = codespaces;
        _widths = widths;
        _defaultWidth = defaultWidth;
    }

    public bool IsIdentity { get; }

    public IReadOnlyList<CodespaceRange> Codespaces { get; }

    public static DictionaryToken? DescendantFont(DictionaryToken font, PdfObjects objects) =>
        objects.Items(objects.Array(font, "DescendantFonts")).FirstOrDefault() as DictionaryToken;

    public static CompositeFontMetrics Create(DictionaryToken font, PdfObjects objects, Func<StreamToken, byte[]> decodeStream, CancellationToken cancellationToken)
    {
        var encoding = objects.Get(font, "Encoding");
        var encodingName = (encoding as NameToken)?.Data ?? "";
        IReadOnlyList<CodespaceRange> codespaces = encoding is StreamToken embedded
            ? ToUnicodeCMap.Parse(decodeStream(embedded), cancellationToken).Codespaces
            : [];
        var descendant = DescendantFont(font, objects);
        var (widths, defaultWidth) = ReadWidths(descendant, objects);
        return new CompositeFontMetrics(
            isIdentity: encodingName is "Identity-H" or "Identity-V" || (encoding is not StreamToken && encodingName.Length == 0),
            codesAreUnicode: encodingName.Contains("UCS2", StringComparison.Ordinal) || encodingName.Contains("UTF16", StringComparison.Ordinal),
            codespaces,
            widths,
            defaultWidth);
    }

    /// <summary>Width in text space units per unit font size.</summary>
    public double Width(uint cid) => (_widths.TryGetValue(cid, out var width) ? width : _defaultWidth) / 1000;

    /// <summary>Predefined Unicode CMaps (UniXX-UCS2-H, UniXX-UTF16-H) use the character's own UTF-16 code.</summary>
    public string? UnicodeFallback(uint code) =>
        _codesAreUnicode && code is > 0 and <= 0xFFFF ? ((char)code).ToString() : null;

    private static (Dictionary<uint, double> Widths, double Default) ReadWidths(DictionaryToken? descendant, PdfObjects objects)
    {
        const int maxEntries = 65_536;
        var widths = new Dictionary<uint, double>();
        var items = objects.Items(objects.Array(descendant, "W")).ToArray();
        for (var i = 0; i < items.Length && widths.Count < maxEntries;)
        {
            // Either "c [w1 w2 ...]" or "cFirst cLast w" (§9.7.4.3).
            if (objects.Number(items[i]) is not { } first)
                break;
            if (i + 1 < items.Length && items[i + 1] is ArrayToken list)
            {
                var cid = (uint)Math.Max(0, first);
                foreach (var width in objects.Items(list))
                    widths[cid++] = objects.Number(width) ?? 0;
                i += 2;
            }
            else if (i + 2 < items.Length && objects.Number(items[i + 1]) is { } last && objects.Number(items[i + 2]) is { } width)
            {
                for (var cid = (uint)Math.Max(0, first); cid <= last && widths.Count < maxEntries; cid++)
                    widths[cid] = width;
                i += 3;
            }
            else
                break;
        }
        return (widths, objects.Number(descendant, "DW") ?? 1000);
    }
}
