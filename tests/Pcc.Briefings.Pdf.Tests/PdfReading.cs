using Pcc.Briefings.Reading;
using Pcc.Briefings.Reading.Pdf;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>Shorthands for reading test PDFs.</summary>
internal static class PdfReading
{
    public static ReadResult Read(byte[] pdf, ReaderLimits? limits = null, string name = "briefing.pdf", CancellationToken cancellationToken = default) =>
        new PdfDocumentReader().Read(pdf, name, limits ?? ReaderLimits.Default, cancellationToken);

    public static DocumentText Text(byte[] pdf) => Read(pdf).Value;

    public static IReadOnlyList<string> Lines(byte[] pdf) => Text(pdf).Blocks.SelectMany(b => b.Lines).ToList();

    public static ReadFailure Failure(byte[] pdf, ReaderLimits? limits = null, string name = "briefing.pdf", CancellationToken cancellationToken = default)
    {
        var result = Read(pdf, limits, name, cancellationToken);
        Assert.False(result.Success, "Expected the PDF to fail to read.");
        return result.Failure!;
    }
}
