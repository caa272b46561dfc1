using System.Text;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Tests;

public class FormatDetectionTests
{
    [Theory]
    [InlineData("briefing-part.html", "briefing.pdf", DocumentFormat.Html)]
    [InlineData("briefing-part.html", "briefing.txt", DocumentFormat.Html)]
    [InlineData("briefing-part.md", "briefing.txt", DocumentFormat.Markdown)]
    [InlineData("briefing-part.docx", "briefing.pdf", DocumentFormat.Docx)]
    [InlineData("briefing-part.docx", "briefing", DocumentFormat.Docx)]
    [InlineData("briefing-part.txt", "briefing.docx", DocumentFormat.Text)]
    public void AWrongExtensionStillReadsTheContentsFormat(string fixture, string name, DocumentFormat format)
    {
        var result = BriefingParser.Default.Parse(Seeds.Fixture(fixture), name);

        Assert.True(result.Success, result.Failure?.ToString());
        Assert.Equal(format, result.Value.Format);
        Assert.Equal(8, result.Value.CaseStudies.Count);
        if (Path.HasExtension(name))
        {
            Assert.Contains(result.Value.Warnings, w => w.Contains($"'{name}'"));
        }
    }

    [Fact]
    public void PdfBytesGoToThePdfReaderWhateverTheName()
    {
        var pdfReader = new RecordingPdfReader();
        var reader = new BriefingReader([pdfReader]);

        var result = reader.Read("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray(), "briefing.txt");

        Assert.True(result.Success);
        Assert.Equal(DocumentFormat.Pdf, result.Value.Format);
        Assert.Equal(["briefing.txt"], pdfReader.Names);
    }

    [Fact]
    public void TheBuiltInReaderAnswersPdfBytesWithATypedResult()
    {
        var result = BriefingReader.Default.Read("%PDF-1.7\n%%EOF\n"u8.ToArray(), "briefing.txt");

        Assert.True(result.Success || result.Failure!.Document == "briefing.txt");
    }

    [Theory]
    [InlineData("# Title\n\nSome text.", DocumentFormat.Markdown)]
    [InlineData("Title\n=====\n\nSome text.", DocumentFormat.Markdown)]
    [InlineData("See [the report](https://example.org) and **this**.", DocumentFormat.Markdown)]
    [InlineData("Title\n\nSome text - with a dash.\n\n- a list\n- of things", DocumentFormat.Text)]
    [InlineData("<p>Hello</p>", DocumentFormat.Html)]
    [InlineData("  <!DOCTYPE html><title>x</title>", DocumentFormat.Html)]
    [InlineData("Plain words about <b>HTML</b> are still plain text", DocumentFormat.Text)]
    public void TextFormatsAreToldApartByTheirMarkers(string content, DocumentFormat format)
    {
        var detection = FormatDetector.Detect(Encoding.UTF8.GetBytes(content), "upload");

        Assert.Equal(format, detection.Value!.Format);
    }

    [Fact]
    public void AMarkdownFileIsReadAsMarkdownEvenWithoutMarkers()
    {
        Assert.Equal(DocumentFormat.Markdown, FormatDetector.Detect("Just words."u8.ToArray(), "notes.md").Value!.Format);
    }

    private sealed class RecordingPdfReader : IDocumentReader
    {
        public List<string> Names { get; } = [];

        public DocumentFormat Format => DocumentFormat.Pdf;

        public ReadResult Read(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken = default)
        {
            Names.Add(documentName);
            var block = new DocumentBlock(BlockKind.Paragraph, ["Text from a PDF."], SourceLocation.OnPage(1, 1));
            return ReadResult.ForValue(new DocumentText(documentName, Format, [block], []));
        }
    }
}
