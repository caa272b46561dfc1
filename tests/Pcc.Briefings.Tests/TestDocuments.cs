using System.IO.Compression;
using System.Text;
using System.Security;

namespace Pcc.Briefings.Tests;

/// <summary>Small documents built in code: Word packages, ZIP archives and their tampered variants.</summary>
internal static class TestDocuments
{
    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string Relationships =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    /// <summary>A minimal .docx whose paragraphs are (style, text); a style such as "Heading1" makes a heading.</summary>
    public static byte[] Docx(params (string? Style, string Text)[] paragraphs)
    {
        var body = new StringBuilder();
        foreach (var (style, text) in paragraphs)
        {
            var properties = style is null ? "" : $"<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>";
            body.Append($"<w:p>{properties}<w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>");
        }

        return DocxWithDocumentXml(
            $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>""");
    }

    /// <summary>A .docx package whose main part is exactly <paramref name="documentXml"/>.</summary>
    public static byte[] DocxWithDocumentXml(string documentXml) => Zip(
        ("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes)),
        ("_rels/.rels", Encoding.UTF8.GetBytes(Relationships)),
        ("word/document.xml", Encoding.UTF8.GetBytes(documentXml)));

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Rewrites every size field of a ZIP so each entry claims to be <paramref name="claimedSize"/> bytes once decompressed.</summary>
    public static byte[] WithUnderstatedSizes(byte[] zip, uint claimedSize)
    {
        var result = (byte[])zip.Clone();
        for (var i = 0; i + 30 < result.Length; i++)
        {
            if (result[i] == 'P' && result[i + 1] == 'K' && result[i + 2] == 3 && result[i + 3] == 4)
            {
                BitConverter.TryWriteBytes(result.AsSpan(i + 22, 4), claimedSize);
            }
            else if (result[i] == 'P' && result[i + 1] == 'K' && result[i + 2] == 1 && result[i + 3] == 2)
            {
                BitConverter.TryWriteBytes(result.AsSpan(i + 24, 4), claimedSize);
            }
        }

        return result;
    }
}
