using PdfSharp.License;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Reads the text of a PDF: PDFsharp for the file structure, text extraction written here on top of it
/// (content streams, fonts and ToUnicode maps, layout into lines, paragraphs and headings).
/// </summary>
/// <remarks>
/// PDFsharp 6.5 refuses to open documents until the host has chosen its licence, through
/// <c>PdfSharp.PdfSharpLicense.SetAgplLicense()</c> (AGPL-3.0) or <c>PdfSharpLicense.LoadLicense(...)</c> (commercial).
/// That choice binds the whole product, so it belongs at the host's start-up, not in this reader.
/// </remarks>
public sealed class PdfDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public DocumentFormat Format => DocumentFormat.Pdf;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No PDFsharp licence has been chosen (see the remarks on the class).</exception>
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
            var (document, failure) = PdfFileOpener.Open(content, documentName);
            if (failure is not null)
                return ReadResult.ForFailure(failure);
            using (document)
            {
                extractor = new PdfTextExtractor(document!, documentName, limits, timeout.Token);
                return extractor.Extract();
            }
        }
        catch (PdfSharpLicenseException ex)
        {
            // Not a problem with the document but with the host's set-up: every PDF would fail the same way.
            throw new InvalidOperationException(
                "PDF reading needs a PDFsharp licence choice at start-up: PdfSharpLicense.SetAgplLicense() or PdfSharpLicense.LoadLicense(...).", ex);
        }
        catch (OperationCanceledException)
        {
            var where = extractor is { CurrentPage: > 0 } ? $"page {extractor.CurrentPage}" : null;
            return Failure(documentName, ReadFailureKind.TimedOut, where,
                cancellationToken.IsCancellationRequested ? "Reading the PDF was cancelled." : $"Reading the PDF took longer than {limits.Timeout.TotalSeconds:0.#} seconds.");
        }
        catch (DecompressionLimitException ex)
        {
            return Failure(documentName, ReadFailureKind.TooLarge, extractor is { CurrentPage: > 0 } ? $"page {extractor.CurrentPage}" : null,
                $"The PDF's compressed content inflates to more than {ex.Limit:N0} bytes, the most accepted.");
        }
        catch (Exception ex)
        {
            // PDFsharp can fail in unforeseen ways on malformed files; the upload is reported, never thrown back.
            return Failure(documentName, ReadFailureKind.Corrupt, extractor is { CurrentPage: > 0 } ? $"page {extractor.CurrentPage}" : "file structure",
                $"The PDF could not be read ({ex.Message.TrimEnd('.')}).");
        }
    }

    private static ReadResult Failure(string document, ReadFailureKind kind, string? location, string message) =>
        ReadResult.ForFailure(new ReadFailure(document, kind, location, message));
}
