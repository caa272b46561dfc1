using System.IO.Compression;
using System.Text;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>
/// Writes small PDFs by hand, object by object, with a correct cross-reference table, so that each test can show the
/// reader exactly the operators, fonts and file-structure faults it is about.
/// </summary>
internal sealed class MinimalPdf
{
    /// <summary>Helvetica in WinAnsiEncoding, without /Widths (the standard 14 fonts may omit them).</summary>
    public const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

    /// <summary>/FirstChar, /LastChar and /Widths for every single-byte code, which a font other than the standard 14 must have (ISO 32000-1 §9.6.2.1).</summary>
    public static readonly string Widths = "/FirstChar 0 /LastChar 255 /Widths [" + string.Join(' ', Enumerable.Repeat(600, 256)) + "]";

    /// <summary>Adds a font descriptor (ISO 32000-1 §9.8) for a font without an embedded program; returns "N 0 R".</summary>
    public static string Descriptor(MinimalPdf pdf, string fontName) =>
        pdf.Add($"<< /Type /FontDescriptor /FontName /{fontName} /Flags 32 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>") + " 0 R";

    public const string HelveticaBold = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";

    private readonly List<byte[]> _objects = [];

    public int Add(string body)
    {
        _objects.Add(Encoding.Latin1.GetBytes(body));
        return _objects.Count;
    }

    public int AddStream(string dictionaryEntries, byte[] data)
    {
        var head = Encoding.Latin1.GetBytes($"<< {dictionaryEntries} /Length {data.Length} >>\nstream\n");
        _objects.Add([.. head, .. data, .. "\nendstream"u8]);
        return _objects.Count;
    }

    public int AddStream(string content) => AddStream("", Encoding.Latin1.GetBytes(content));

    public int AddCompressedStream(string dictionaryEntries, byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(data);
        return AddStream($"/Filter /FlateDecode {dictionaryEntries}", compressed.ToArray());
    }

    /// <summary>Adds a catalog and page tree over pages given as (content object, resources) and returns the file.</summary>
    public byte[] WithPages(IReadOnlyList<(int Content, string Resources)> pages, string trailerExtra = "")
    {
        var pagesNumber = _objects.Count + 1 + pages.Count + 1;
        var kids = new List<int>();
        foreach (var (content, resources) in pages)
            kids.Add(Add($"<< /Type /Page /Parent {pagesNumber} 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents {content} 0 R >>"));
        var catalog = Add($"<< /Type /Catalog /Pages {pagesNumber} 0 R >>");
        Add($"<< /Type /Pages /Kids [{string.Join(" ", kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        return Build(catalog, trailerExtra);
    }

    /// <summary>A one-page document whose page shows <paramref name="content"/> with the given fonts as /F1, /F2...</summary>
    public static byte[] OnePage(string content, params string[] fonts)
    {
        var pdf = new MinimalPdf();
        var contentNumber = pdf.AddStream(content);
        return pdf.WithPages([(contentNumber, Resources(pdf, fonts))]);
    }

    public static string Resources(MinimalPdf pdf, params string[] fonts)
    {
        var entries = fonts.Select((font, i) => $"/F{i + 1} {pdf.Add(font)} 0 R");
        return $"<< /Font << {string.Join(" ", entries)} >> >>";
    }

    private byte[] Build(int catalog, string trailerExtra)
    {
        using var file = new MemoryStream();
        file.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < _objects.Count; i++)
        {
            offsets.Add(file.Position);
            file.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            file.Write(_objects[i]);
            file.Write("\nendobj\n"u8);
        }
        var xref = file.Position;
        var table = new StringBuilder($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            table.Append($"{offset:D10} 00000 n \n");
        table.Append($"trailer\n<< /Size {_objects.Count + 1} /Root {catalog} 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        file.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return file.ToArray();
    }
}
