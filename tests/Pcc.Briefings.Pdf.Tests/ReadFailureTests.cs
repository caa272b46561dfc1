using System.Text;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>Bad uploads become typed failures that name the document, never exceptions or hangs.</summary>
public sealed class ReadFailureTests
{
    private static readonly byte[] Briefing = Fixtures.Load("briefing-excerpt.pdf");

    [Fact]
    public void NoBytesIsEmpty()
    {
        var failure = PdfReading.Failure([], name: "blank.pdf");

        Assert.Equal(ReadFailureKind.Empty, failure.Kind);
        Assert.StartsWith("blank.pdf: ", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BytesThatAreNotAPdfAreCorruptAtByteZero()
    {
        var failure = PdfReading.Failure(Encoding.UTF8.GetBytes("Case study 1: this is a text file renamed to .pdf"), name: "renamed.pdf");

        Assert.Equal(ReadFailureKind.Corrupt, failure.Kind);
        Assert.Equal("byte 0", failure.Location);
        Assert.StartsWith("renamed.pdf (byte 0): ", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedFileIsCorrupt()
    {
        var failure = PdfReading.Failure(Briefing[..(Briefing.Length / 3)], name: "truncated.pdf");

        Assert.Equal(ReadFailureKind.Corrupt, failure.Kind);
        Assert.Contains("truncated.pdf", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenCrossReferenceTableIsRebuiltFromTheObjects()
    {
        var pdf = Encoding.Latin1.GetString(MinimalPdf.OnePage("BT /F1 12 Tf 72 700 Td (Text) Tj ET", MinimalPdf.Helvetica));
        var broken = pdf.Replace("xref\n", "xrof\n", StringComparison.Ordinal).Replace(" 00000 n ", " 0000x n ", StringComparison.Ordinal);

        var lines = PdfReading.Lines(Encoding.Latin1.GetBytes(broken));

        Assert.Equal(["Text"], lines);
    }

    [Fact]
    public void AHeaderFollowedByNoObjectsIsCorruptInTheFileStructure()
    {
        var failure = PdfReading.Failure(Encoding.Latin1.GetBytes("%PDF-1.7\nCase study 1: no objects follow\n%%EOF\n"), name: "hollow.pdf");

        Assert.Equal(ReadFailureKind.Corrupt, failure.Kind);
        Assert.Equal("file structure", failure.Location);
        Assert.StartsWith("hollow.pdf (file structure): ", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AReferenceToAnObjectTheFileLacksReadsAsNothing()
    {
        var pdf = new MinimalPdf();
        var font = pdf.Add(MinimalPdf.Helvetica);
        var resources = $"<< /Font << /F1 {font} 0 R >> >>";
        var text = pdf.AddStream("BT /F1 12 Tf 72 700 Td (The second page) Tj ET");

        var lines = PdfReading.Lines(pdf.WithPages([(99, resources), (text, resources)]));

        Assert.Equal(["The second page"], lines);
    }

    [Fact]
    public void AnEncryptEntryThatCannotBeOpenedIsEncrypted()
    {
        var pdf = new MinimalPdf();
        var encrypt = pdf.Add("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <00> /U <00> >>");
        var content = pdf.AddStream("BT /F1 12 Tf 72 700 Td (Secret) Tj ET");
        var bytes = pdf.WithPages([(content, MinimalPdf.Resources(pdf, MinimalPdf.Helvetica))], $"/Encrypt {encrypt} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");

        Assert.Equal(ReadFailureKind.Encrypted, PdfReading.Failure(bytes).Kind);
    }

    [Fact]
    public void APdfThatNeedsAPasswordIsEncrypted()
    {
        var failure = PdfReading.Failure(Fixtures.Load("encrypted-user-password.pdf"), name: "protected.pdf");

        Assert.Equal(ReadFailureKind.Encrypted, failure.Kind);
        Assert.StartsWith("protected.pdf: ", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void APdfRestrictedOnlyByAnOwnerPasswordIsRead()
    {
        var lines = PdfReading.Lines(Fixtures.Load("encrypted-owner-password.pdf"));

        Assert.Equal(["Case study 7: In Dyfed-Powys"], lines);
    }

    [Fact]
    public void APdfWhosePageIsAnImageOfTextHasNoTextLayerAndSaysWhatToUploadInstead()
    {
        var pdf = new MinimalPdf();
        var image = pdf.AddStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", [0x80]);
        var content = pdf.AddStream("q 500 0 0 700 50 50 cm /Im1 Do Q");
        var bytes = pdf.WithPages([(content, $"<< /XObject << /Im1 {image} 0 R >> >>")]);

        var failure = PdfReading.Failure(bytes, name: "scan.pdf");

        Assert.Equal(ReadFailureKind.NoTextLayer, failure.Kind);
        Assert.Equal("page 1", failure.Location);
        Assert.Contains("no text layer", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Upload the document the PDF was made from", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APdfWithNoTextAndNoImagesIsEmpty()
    {
        var pdf = new MinimalPdf();
        var bytes = pdf.WithPages([(pdf.AddStream("0 0 1 rg 50 50 200 200 re f"), "<< >>")]);

        var failure = PdfReading.Failure(bytes);

        Assert.Equal(ReadFailureKind.Empty, failure.Kind);
        Assert.Contains("no extractable text", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneScannedPageAmongPagesOfTextIsReadAroundAndNamed()
    {
        var pdf = new MinimalPdf();
        var font = pdf.Add(MinimalPdf.Helvetica);
        var image = pdf.AddStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", [0x80]);
        var text = $"<< /Font << /F1 {font} 0 R >> >>";
        var bytes = pdf.WithPages(
        [
            (pdf.AddStream("BT /F1 12 Tf 72 700 Td (Case study 1: The first page is typed text.) Tj ET"), text),
            (pdf.AddStream("q 500 0 0 700 50 50 cm /Im1 Do Q BT /F1 8 Tf 72 30 Td (Scanned 3/12) Tj ET"), $"<< /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >>"),
            (pdf.AddStream("BT /F1 12 Tf 72 700 Td (Case study 2: So is the third.) Tj ET"), text),
        ]);

        var read = PdfReading.Text(bytes);

        Assert.Contains(read.Warnings, w => w == "Page 2 is only images of text (a scan?): its words were not read.");
        Assert.Contains(read.Blocks, b => b.Text.StartsWith("Case study 2", StringComparison.Ordinal));
    }

    [Fact]
    public void ADocumentOverTheSizeLimitIsTooLarge()
    {
        var failure = PdfReading.Failure(Briefing, ReaderLimits.Default with { MaxDocumentBytes = 1024 });

        Assert.Equal(ReadFailureKind.TooLarge, failure.Kind);
    }

    [Fact]
    public void AStreamThatInflatesPastTheLimitIsTooLargeAndNamesThePage()
    {
        var pdf = new MinimalPdf();
        var font = pdf.Add(MinimalPdf.Helvetica);
        var resources = $"<< /Font << /F1 {font} 0 R >> >>";
        var first = pdf.AddStream("BT /F1 12 Tf 72 700 Td (A normal first page) Tj ET");
        // 64 MB of spaces compress to about 64 KB.
        var spaces = new byte[64 * 1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        var bomb = pdf.AddCompressedStream("", spaces);
        var bytes = pdf.WithPages([(first, resources), (bomb, resources)]);
        Assert.True(bytes.Length < 1024 * 1024);

        var failure = PdfReading.Failure(bytes, ReaderLimits.Default with { MaxDecompressedBytes = 8 * 1024 * 1024 });

        Assert.Equal(ReadFailureKind.TooLarge, failure.Kind);
        Assert.Equal("page 2", failure.Location);
    }

    [Fact]
    public void APageWhoseContentCannotBeDecodedIsSkippedWithAWarning()
    {
        var pdf = new MinimalPdf();
        var font = pdf.Add(MinimalPdf.Helvetica);
        var resources = $"<< /Font << /F1 {font} 0 R >> >>";
        var good = pdf.AddStream("BT /F1 12 Tf 72 700 Td (The readable page) Tj ET");
        var bad = pdf.AddStream("/Filter /NoSuchDecode", "garbage"u8.ToArray());

        var text = PdfReading.Text(pdf.WithPages([(good, resources), (bad, resources)]));

        Assert.Equal(["The readable page"], text.Blocks.SelectMany(b => b.Lines));
        Assert.Contains(text.Warnings, w => w.StartsWith("page 2: skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenNoPageCanBeReadTheDocumentIsCorrupt()
    {
        var pdf = new MinimalPdf();
        var bad = pdf.AddStream("/Filter /NoSuchDecode", "garbage"u8.ToArray());

        var failure = PdfReading.Failure(pdf.WithPages([(bad, "<< >>")]));

        Assert.Equal(ReadFailureKind.Corrupt, failure.Kind);
        Assert.Equal("page 1", failure.Location);
    }

    [Fact]
    public void ACancelledReadTimesOut()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var failure = PdfReading.Failure(Briefing, cancellationToken: cancelled.Token);

        Assert.Equal(ReadFailureKind.TimedOut, failure.Kind);
    }

    [Fact]
    public void ATimeLimitStopsAnEndlessContentStream()
    {
        // Two million text operators; the time limit, not the end of the stream, ends the read.
        var content = new StringBuilder("BT /F1 12 Tf 72 700 Td ");
        for (var i = 0; i < 2_000_000; i++)
            content.Append("(x) Tj ");
        content.Append("ET");
        var pdf = new MinimalPdf();
        var stream = pdf.AddCompressedStream("", Encoding.ASCII.GetBytes(content.ToString()));
        var bytes = pdf.WithPages([(stream, MinimalPdf.Resources(pdf, MinimalPdf.Helvetica))]);

        var failure = PdfReading.Failure(bytes, ReaderLimits.Default with { Timeout = TimeSpan.FromMilliseconds(50) });

        Assert.Equal(ReadFailureKind.TimedOut, failure.Kind);
        Assert.Equal("page 1", failure.Location);
    }
}
