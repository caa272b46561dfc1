using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Decodes a stream's data through its filters (ISO 32000-1 §7.4). FlateDecode is inflated here in bounded chunks,
/// so a stream that inflates enormously is stopped once the document's budget is spent; the rarer filters are left
/// to PdfPig's decoders and their output is counted afterwards. The data arrives as stored in the file (decrypted,
/// still encoded), so no other decoder runs over it first.
/// </summary>
internal static class PdfStreamDecoder
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>ASCIIHexDecode, ASCII85Decode, LZWDecode and RunLengthDecode (§7.4.2 to §7.4.5), by full and abbreviated name.</summary>
    private static readonly HashSet<string> OtherTextFilters =
        ["ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "LZWDecode", "LZW", "RunLengthDecode", "RL"];

    public static byte[] Decode(StreamToken stream, PdfObjects objects, DecompressionBudget budget, List<string> notes)
    {
        var dictionary = stream.StreamDictionary;
        var data = stream.Data.ToArray();
        var filters = FilterNames(objects.Get(dictionary, "Filter"), objects).ToList();
        if (filters.Count == 0)
            return Count(data, budget);
        if (HasPredictor(dictionary, objects))
            notes.Add("a stream uses a predictor, which content streams do not normally use; its text may be garbled");
        for (var index = 0; index < filters.Count; index++)
        {
            data = filters[index] switch
            {
                "FlateDecode" or "Fl" => Inflate(data, budget, notes),
                var other => Count(DecodeOther(other, data, dictionary, index), budget),
            };
        }
        return data;
    }

    private static IEnumerable<string> FilterNames(IToken? filter, PdfObjects objects) => filter switch
    {
        NameToken name => [name.Data],
        ArrayToken array => objects.Items(array).OfType<NameToken>().Select(n => n.Data),
        _ => [],
    };

    private static bool HasPredictor(DictionaryToken dictionary, PdfObjects objects)
    {
        var parms = objects.Get(dictionary, "DecodeParms");
        var first = parms as DictionaryToken ?? objects.Items(parms as ArrayToken).OfType<DictionaryToken>().FirstOrDefault();
        return objects.Number(first, "Predictor") > 1;
    }

    /// <summary>The other filters text can sit under; image filters (DCT, JPX, CCITT, JBIG2) and unknown names are refused.</summary>
    private static byte[] DecodeOther(string name, byte[] data, DictionaryToken dictionary, int index)
    {
        if (!OtherTextFilters.Contains(name))
            throw new InvalidDataException($"The {name} filter is not supported.");
        var filter = DefaultFilterProvider.Instance.GetNamedFilters([NameToken.Create(name)])[0];
        return filter.Decode(data, dictionary, DefaultFilterProvider.Instance, index).ToArray();
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
