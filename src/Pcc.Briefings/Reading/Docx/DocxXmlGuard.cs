using System.Xml;

namespace Pcc.Briefings.Reading.Docx;

/// <summary>
/// Reads one XML part forward-only (no tree) and stops at the first element nested deeper than the limit, past the
/// element limit, or at a DTD (entity expansion, external entities); the failure names the part and the paragraph.
/// </summary>
internal static class DocxXmlGuard
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static void Check(Stream part, string partName, ReaderLimits limits, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, CloseInput = false };
        var elements = 0;
        var paragraphs = 0;
        var enclosing = 0;
        using var reader = XmlReader.Create(part, settings);
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                    continue;
                if (++elements % 4096 == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                if (reader.LocalName == "p" && reader.NamespaceURI == WordNamespace && ++paragraphs > 0 && reader.Depth <= 2)
                    enclosing = paragraphs;
                if (reader.Depth >= limits.MaxNestingDepth)
                {
                    throw new ReadProblemException(ReadFailureKind.TooLarge, Where(partName, enclosing),
                        $"The document is nested deeper than {limits.MaxNestingDepth} levels. Expected ordinary paragraphs and tables; save it again from Word.");
                }

                if (elements > limits.MaxElements)
                {
                    throw new ReadProblemException(ReadFailureKind.TooLarge, Where(partName, enclosing),
                        $"The document has more than {limits.MaxElements:N0} XML elements. Expected a briefing of ordinary size.");
                }
            }
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new ReadProblemException(ReadFailureKind.Corrupt, $"part {partName}",
                "The Word document declares a DTD, which Word never writes and which can smuggle in outside files. Expected a document saved by Word or LibreOffice.");
        }
        catch (XmlException ex)
        {
            throw new ReadProblemException(ReadFailureKind.Corrupt, $"part {partName}, line {ex.LineNumber}",
                $"The Word document's XML is broken ({ex.Message.TrimEnd('.')}). Expected a complete .docx file.");
        }
    }

    private static string Where(string partName, int paragraphs) =>
        paragraphs > 0 ? $"{partName}, paragraph {paragraphs}" : partName;
}
