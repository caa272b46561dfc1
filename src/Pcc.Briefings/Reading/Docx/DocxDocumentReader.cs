using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pcc.Briefings.Reading.Docx;

/// <summary>
/// Reads Word .docx with the Open XML SDK after <see cref="DocxPackageGuard"/> has bounded the package.
/// Paragraphs in heading or title styles (or with an outline level) become headings; locations are paragraph numbers.
/// </summary>
public sealed class DocxDocumentReader : DocumentReader
{
    /// <inheritdoc />
    public override DocumentFormat Format => DocumentFormat.Docx;

    private protected override ReadResult ReadDocument(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken)
    {
        DocxPackageGuard.Check(content, limits, cancellationToken);
        var settings = new OpenSettings { MaxCharactersInPart = limits.MaxDecompressedBytes };
        using var document = WordprocessingDocument.Open(ByteStreams.Open(content), false, settings);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new ReadProblemException(ReadFailureKind.Corrupt, "part word/document.xml",
                "The Word document has no body. Expected word/document.xml to hold the text.");

        var headingStyles = DocxHeadingStyles.From(document.MainDocumentPart!.StyleDefinitionsPart?.Styles);
        var blocks = new List<DocumentBlock>();
        var number = 0;
        var marks = 0;
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            number++;
            cancellationToken.ThrowIfCancellationRequested();
            var lines = DocxParagraphText.Lines(paragraph, ref marks).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
            if (lines.Length == 0)
            {
                continue;
            }

            var kind = headingStyles.IsHeading(paragraph) ? BlockKind.Heading : BlockKind.Paragraph;
            if (kind == BlockKind.Paragraph && paragraph.ParagraphProperties?.NumberingProperties is not null)
            {
                lines[0] = ListItems.Bullet + lines[0];
            }

            blocks.Add(new DocumentBlock(kind, lines, SourceLocation.AtParagraph(number)));
        }

        return ReadResult.ForValue(new DocumentText(documentName, Format, blocks, []) { FootnoteMarksRemoved = marks });
    }
}
