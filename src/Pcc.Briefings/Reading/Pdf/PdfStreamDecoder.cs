using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Filters;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Decodes a stream's data through its filters (ISO 32000-1 §7.4). FlateDecode is inflated here in bounded chunks,
/// so a stream that inflates enormously is stopped once the document's budget is spent; the rarer filters are left
/// to PDFsharp and their output is counted afterwards.
/// </summary>
internal static class PdfStreamDecoder
{
    private const int ChunkSize = 64 * 1024;

    public static byte[] Decode(PdfDictionary streamObject, DecompressionBudget budget, List<string> notes)
    {
        var data = streamObject.Stream?.Value ?? [];
        var filters = FilterNames(PdfItems.Get(streamObject, "/Filter")).ToList();
        if (filters.Count == 0)
            return Count(data, budget);
        if (HasPredictor(streamObject))
            notes.Add("a stream uses a predictor, which content streams do not normally use; its text may be garbled");
        foreach (var filter in filters)
        {
            data = filter switch
            {
                "/FlateDecode" or "/Fl" => Inflate(data, budget, notes),
                _ => Count(Filtering.Decode(data, filter) ?? throw new InvalidDataException($"The {filter} filter is not supported."), budget),
            };
        }
        return data;
    }

    private static IEnumerable<string> FilterNames(PdfItem? filter) => filter switch
    {
        null => [],
        PdfName name => [name.Value],
        PdfArray array => PdfItems.Items(array).OfType<PdfName>().Select(n => n.Value),
        _ => [],
    };

    private static bool HasPredictor(PdfDictionary streamObject)
    {
        var parms = PdfItems.Get(streamObject, "/DecodeParms");
        var dictionary = parms as PdfDictionary ?? (parms as PdfArray)?.Elements.Select(PdfItems.Resolve).OfType<PdfDictionary>().FirstOrDefault();
        return PdfItems.Number(dictionary, "/Predictor") > 1;
    }

    private static byte[] Count(byte[] data, DecompressionBudget budget)
    {
        budget.Spend(data.Length);
        return data;
    }

    private static byte[] Inflate(byte[] data, DecompressionBudget budget, List<string> notes)
    {
        // Most producers write a zlib wrapper (RFC 1950); a few write raw deflate data (RFC 1951).
        var zlib = data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;
        using var input = new MemoryStream(data, writable: false);
        using Stream inflater = zlib ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                budget.Spend(read);
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // A damaged or truncated stream: keep what inflated, as viewers do.
            notes.Add("a compressed stream is damaged; only its readable start was used");
        }
        return output.ToArray();
    }
}
