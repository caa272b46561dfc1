namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Reads the text of a PDF through PdfPig (Apache-2.0): <see cref="PdfStructureGuard"/> bounds the file first, PdfPig
/// decodes the pages' letters, and the letters are laid out here into lines, paragraphs and headings.
/// </summary>
public sealed class PdfDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public DocumentFormat Format => DocumentFormat.Pdf;

    /// <inheritdoc />
    public ReadResult Read(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentName);
        ArgumentNullException.ThrowIfNull(limits);
        if (content.IsEmpty)
            return Failure(documentName, ReadFailureKind.Empty, null, "The document has no bytes.");
        if (content.Length > limits.MaxDocumentBytes)
            return Failure(documentName, ReadFailureKind.TooLarge, null,
                $"The PDF is {content.Length:N0} bytes; the largest accepted is {limits.MaxDocumentBytes:N0} bytes.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        PdfTextExtractor? extractor = null;
        try
        {
            if (PdfStructureGuard.Check(content, documentName, limits, timeout.Token) is { } unsafeFile)
                return ReadResult.ForFailure(PdfPageLocator.Locate(content, unsafeFile.Failure, unsafeFile.ObjectNumber));
            var (document, failure) = PdfFileOpener.Open(content, documentName);
            if (failure is not null)
                return ReadResult.ForFailure(failure);
            using (document)
            {
                extractor = new PdfTextExtractor(document!, documentName, limits, timeout.Token);
                return extractor.Extract();
            }
        }
        catch (OperationCanceledException ex)
        {
            var where = extractor is { CurrentPage: > 0 } ? $"page {extractor.CurrentPage}" : null;
            var failure = new ReadFailure(documentName, ReadFailureKind.TimedOut, where,
                cancellationToken.IsCancellationRequested ? "Reading the PDF was cancelled." : $"Reading the PDF took longer than {limits.Timeout.TotalSeconds:0.#} seconds.");
            return ReadResult.ForFailure(ex is PdfStructureGuard.StreamCanceledException inStream
                ? PdfPageLocator.Locate(content, failure with { Location = $"object {inStream.ObjectNumber}" }, inStream.ObjectNumber)
                : failure);
        }
        catch (Exception ex)
        {
            // PdfPig can fail in unforeseen ways on malformed files; the upload is reported, never thrown back.
            return Failure(documentName, ReadFailureKind.Corrupt, extractor is { CurrentPage: > 0 } ? $"page {extractor.CurrentPage}" : "file structure",
                $"The PDF could not be read ({ex.Message.TrimEnd('.')}).");
        }
    }

    private static ReadResult Failure(string document, ReadFailureKind kind, string? location, string message) =>
        ReadResult.ForFailure(new ReadFailure(document, kind, location, message));
}
