using System.IO.Compression;
using System.Text;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>
/// Broken and hostile documents, generated at test time (the large ones are never committed): what a careless or
/// malicious editor could upload as a new version of a briefing.
/// </summary>
public static class HostileCorpus
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // A catalogue, one page and its text: each PDF case breaks something around a document that would otherwise read.
    private const string OnePage =
        "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n" +
        "4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 72 700 Td (Case study 1: x) Tj ET\nendstream endobj\n" +
        "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n";

    private const string MarkdownLine = "# Heading\n\n> * [link](http://x/ \"t\") `code` **bold** _em_\n";

    /// <summary>Documents every reader already bounds.</summary>
    public static readonly string[] Bounded =
    [
        "pdf-xref-prev-loop", "pdf-object-stream-billion", "pdf-nested-arrays", "docx-zip-bomb", "docx-xxe",
        "html-huge-attribute", "text-10mb-line", "text-invalid-utf8", "markdown-million-backticks", "tiny-1-byte", "tiny-2-bytes",
        "long-name", "non-ascii-name",
    ];

    /// <summary>Documents that overflowed the stack or ran unbounded before every reader had depth, size and time limits.</summary>
    public static readonly string[] NeedBoundedReaders = ["docx-deep-nesting", "markdown-20mb"];

    /// <summary>The blob name and bytes of a case.</summary>
    public static (string Name, byte[] Content) Create(string kind) => kind switch
    {
        "docx-deep-nesting" => ("deep.docx", Docx($"<w:document xmlns:w=\"{WordNs}\"><w:body>" + Repeat("<w:p>", 100_000) + Repeat("</w:p>", 100_000) + "</w:body></w:document>")),
        "docx-zip-bomb" => ("bomb.docx", DocxBomb()),
        "docx-xxe" => ("xxe.docx", Docx($"<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
            $"<w:document xmlns:w=\"{WordNs}\"><w:body><w:p><w:r><w:t>Case study 1: &xxe;</w:t></w:r></w:p></w:body></w:document>")),
        "pdf-xref-prev-loop" => ("xref-loop.pdf", Pdf(OnePage,
            xrefAt => $"trailer << /Size 6 /Root 1 0 R /Prev {xrefAt} >>")),
        "pdf-object-stream-billion" => ("objstm.pdf", Pdf(
            OnePage +
            "6 0 obj << /Type /ObjStm /N 1000000000 /First 10 /Length 20 >> stream\n1 0 2 10 3 20     \nendstream endobj\n",
            _ => "trailer << /Size 7 /Root 1 0 R >>")),
        "pdf-nested-arrays" => ("arrays.pdf", Pdf(
            OnePage + "6 0 obj " +
            Repeat("[", 100_000) + Repeat("]", 100_000) + " endobj\n",
            _ => "trailer << /Size 7 /Root 1 0 R >>")),
        "html-huge-attribute" => ("attribute.html", Encoding.UTF8.GetBytes($"<html><body><p title=\"{new string('x', 10_000_000)}\">Case study 1: a grant.</p></body></html>")),
        "text-10mb-line" => ("line.txt", Encoding.UTF8.GetBytes(new string('w', 10_000_000))),
        "text-invalid-utf8" => ("invalid.txt", [.. Enumerable.Repeat<byte[]>([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0x28], 10_000).SelectMany(b => b)]),
        "markdown-million-backticks" => ("backticks.md", Encoding.ASCII.GetBytes(new string('`', 1_000_000))),
        "markdown-20mb" => ("big.md", Encoding.UTF8.GetBytes(Repeat(MarkdownLine, 20_000_000 / MarkdownLine.Length))),
        "tiny-1-byte" => ("tiny1.txt", "x"u8.ToArray()),
        "tiny-2-bytes" => ("tiny2.md", "\r\n"u8.ToArray()),
        "long-name" => ("2026/" + new string('n', 1024 - 9) + ".txt", Encoding.UTF8.GetBytes(new string('w', 1_000_000))),
        "non-ascii-name" => ("日本語のブリーフィング.txt", [0xFF, 0xFE, 0xFD, .. Encoding.UTF8.GetBytes(new string('?', 1000))]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such hostile document."),
    };

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    private static byte[] Docx(string documentXml) => Zip(("word/document.xml", Encoding.UTF8.GetBytes(documentXml)));

    private static byte[] DocxBomb()
    {
        // 1 GB of one repeated character deflates to about a megabyte.
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddParts(zip);
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            part.Write(Encoding.UTF8.GetBytes($"<w:document xmlns:w=\"{WordNs}\"><w:body><w:p><w:r><w:t>"));
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'a');
            for (var i = 0; i < 1024; i++)
            {
                part.Write(chunk);
            }

            part.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p></w:body></w:document>"));
        }

        return output.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddParts(zip);
            foreach (var (name, content) in entries)
            {
                using var part = zip.CreateEntry(name).Open();
                part.Write(content);
            }
        }

        return output.ToArray();
    }

    private static void AddParts(ZipArchive zip)
    {
        Write(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        Write(zip, "_rels/.rels",
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var part = zip.CreateEntry(name).Open();
        part.Write(Encoding.UTF8.GetBytes(text));
    }

    private static byte[] Pdf(string objects, Func<int, string> trailer)
    {
        var head = "%PDF-1.7\n" + objects;
        var xrefAt = Encoding.ASCII.GetByteCount(head);
        return Encoding.ASCII.GetBytes($"{head}xref\n0 1\n0000000000 65535 f \n{trailer(xrefAt)}\nstartxref\n{xrefAt}\n%%EOF\n");
    }
}
