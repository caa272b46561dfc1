using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>Tolerant access to PDFsharp objects: references resolved, wrong types read as absent.</summary>
internal static class PdfItems
{
    public static PdfItem? Resolve(PdfItem? item)
    {
        for (var hops = 0; item is PdfReference reference && hops < 8; hops++)
            item = reference.Value;
        return item is PdfReference ? null : item;
    }

    public static PdfItem? Get(PdfDictionary? dictionary, string key) =>
        dictionary is not null && dictionary.Elements.TryGetValue(key, out var item) ? Resolve(item) : null;

    public static PdfDictionary? Dictionary(PdfDictionary? dictionary, string key) => Get(dictionary, key) as PdfDictionary;

    public static PdfArray? Array(PdfDictionary? dictionary, string key) => Get(dictionary, key) as PdfArray;

    public static string? Name(PdfDictionary? dictionary, string key) => Get(dictionary, key) is PdfName name ? name.Value : null;

    public static double? Number(PdfDictionary? dictionary, string key) => Number(Get(dictionary, key));

    public static double? Number(PdfItem? item) => Resolve(item) switch
    {
        PdfInteger integer => integer.Value,
        PdfLongInteger longInteger => longInteger.Value,
        PdfReal real => real.Value,
        PdfIntegerObject integer => integer.Value,
        PdfRealObject real => real.Value,
        _ => null,
    };

    public static IEnumerable<PdfItem?> Items(PdfArray? array) =>
        array is null ? [] : array.Elements.Select(Resolve);
}
