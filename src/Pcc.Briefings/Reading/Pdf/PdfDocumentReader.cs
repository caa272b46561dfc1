namespace Pcc.Briefings.Reading.Pdf;

/// <summary>Reads the text of a PDF: PDFsharp for the file structure, text extraction written here on top of it.</summary>
public sealed class PdfDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public DocumentFormat Format => DocumentFormat.Pdf;

    /// <inheritdoc />
    public ReadResult Read(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken = default) =>
        ReadResult.ForFailure(new ReadFailure(documentName, ReadFailureKind.UnsupportedFormat, null, "PDF text extraction is not available yet."));
}
