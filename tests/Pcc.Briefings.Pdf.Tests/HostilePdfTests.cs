using System.Text;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>
/// Hostile PDFs, generated here: each is refused by the structure check before PdfPig could recurse or loop on it,
/// with the limit and the place in words an editor can act on, in this process and without a crash.
/// </summary>
public sealed class HostilePdfTests
{
    [Fact]
    public void ACrossReferenceSectionWhosePrevPointsToItselfIsCorruptAtThatSection()
    {
        var plain = MinimalPdf.OnePage("BT /F1 12 Tf 72 700 Td (Case study 1: text.) Tj ET", MinimalPdf.Helvetica);
        var text = Encoding.Latin1.GetString(plain);
        var offset = long.Parse(text[(text.LastIndexOf("startxref", StringComparison.Ordinal) + 9)..].Trim().Split('\n')[0].Trim());
        var looping = Encoding.Latin1.GetBytes(text.Replace("trailer\n<<", $"trailer\n<< /Prev {offset}", StringComparison.Ordinal));
        Assert.NotEqual(plain.Length, looping.Length);

        var failure = PdfReading.Failure(looping, name: "loop.pdf");

        Assert.Equal(ReadFailureKind.Corrupt, failure.Kind);
        Assert.Equal($"byte {offset:N0}", failure.Location);
        Assert.Contains("cross-reference chain loops", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObjectStreamClaimingABillionObjectsIsTooLarge()
    {
        var pdf = new MinimalPdf();
        var objects = pdf.AddCompressedStream("/Type /ObjStm /N 1000000000 /First 4", "1 0 << >>"u8.ToArray());
        var content = pdf.AddStream("BT /F1 12 Tf 72 700 Td (Case study 1: text.) Tj ET");
        var bytes = pdf.WithPages([(content, MinimalPdf.Resources(pdf, MinimalPdf.Helvetica))]);

        var failure = PdfReading.Failure(bytes, name: "billion.pdf");

        Assert.Equal(ReadFailureKind.TooLarge, failure.Kind);
        Assert.Equal($"object {objects}", failure.Location);
        Assert.Equal("The PDF declares 1,000,000,000 objects in one table or object stream. Expected at most 1,000,000.", failure.Message);
    }

    [Fact]
    public void AHundredThousandNestedArraysInTheFileAreRefusedBeforeParsing()
    {
        var pdf = new MinimalPdf();
        pdf.Add(new string('[', 100_000) + new string(']', 100_000));
        var content = pdf.AddStream("BT /F1 12 Tf 72 700 Td (Case study 1: text.) Tj ET");
        var bytes = pdf.WithPages([(content, MinimalPdf.Resources(pdf, MinimalPdf.Helvetica))]);

        var failure = PdfReading.Failure(bytes, name: "arrays.pdf");

        Assert.Equal(ReadFailureKind.TooLarge, failure.Kind);
        Assert.StartsWith("byte ", failure.Location, StringComparison.Ordinal);
        Assert.Contains("nests arrays or dictionaries deeper than 512 levels", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedArraysInsideACompressedPageContentAreRefusedNamingThePage()
    {
        var pdf = new MinimalPdf();
        var resources = MinimalPdf.Resources(pdf, MinimalPdf.Helvetica);
        var first = pdf.AddStream("BT /F1 12 Tf 72 700 Td (Case study 1: text.) Tj ET");
        var deep = pdf.AddCompressedStream("", Encoding.ASCII.GetBytes("BT /F1 12 Tf " + new string('[', 100_000) + new string(']', 100_000) + " TJ ET"));
        var bytes = pdf.WithPages([(first, resources), (deep, resources)]);

        var failure = PdfReading.Failure(bytes, name: "deep-content.pdf");

        Assert.Equal(ReadFailureKind.TooLarge, failure.Kind);
        Assert.Equal("page 2", failure.Location);
    }

    [Fact]
    public void ThroughTheBriefingReaderAHostilePdfIsAFailureNotACrash()
    {
        var pdf = new MinimalPdf();
        pdf.Add("<< /Deep " + string.Concat(Enumerable.Repeat("<< /A ", 200_000)) + string.Concat(Enumerable.Repeat(">> ", 200_000)) + ">>");
        var content = pdf.AddStream("BT /F1 12 Tf 72 700 Td (Case study 1: text.) Tj ET");
        var bytes = pdf.WithPages([(content, MinimalPdf.Resources(pdf, MinimalPdf.Helvetica))]);

        var result = BriefingReader.Default.Read(bytes, "dictionaries.pdf");

        Assert.False(result.Success);
        Assert.Equal(ReadFailureKind.TooLarge, result.Failure!.Kind);
    }
}
