using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Opens the file structure with PdfPig (header, cross-reference table or stream, trailer, object streams: ISO 32000-1
/// §7.5) and turns its complaints into failures. PdfPig rebuilds a damaged cross-reference table from the objects it
/// finds, as viewers do. A document protected by an owner password only opens with the empty user password
/// (§7.6.3.1) and is read like any other; one that needs a user password is reported as encrypted.
/// </summary>
internal static class PdfFileOpener
{
    private const int HeaderWindow = 1024;

    public static (PdfDocument? Document, ReadFailure? Failure) Open(ReadOnlyMemory<byte> content, string documentName)
    {
        if (!HasHeader(content.Span))
            return (null, new ReadFailure(documentName, ReadFailureKind.Corrupt, "byte 0",
                $"This is not a PDF: no %PDF- header in the first {HeaderWindow} bytes."));

        try
        {
            var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, Password = "" });
            return (document, null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return (null, EncryptedFailure(documentName));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (NamesEncryption(content.Span))
                return (null, EncryptedFailure(documentName));
            return (null, new ReadFailure(documentName, ReadFailureKind.Corrupt, "file structure",
                $"The PDF's file structure is broken, so its pages cannot be found ({Describe(ex)})."));
        }
    }

    private static ReadFailure EncryptedFailure(string documentName) =>
        new(documentName, ReadFailureKind.Encrypted, null, "The PDF is password-protected. Save a copy without the password and upload that.");

    private static bool HasHeader(ReadOnlySpan<byte> bytes) =>
        bytes[..Math.Min(bytes.Length, HeaderWindow)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>An /Encrypt entry in a trailer or cross-reference stream dictionary (§7.5.5, §7.6.1).</summary>
    private static bool NamesEncryption(ReadOnlySpan<byte> bytes) => bytes.IndexOf("/Encrypt"u8) >= 0;

    private static string Describe(Exception ex)
    {
        var message = new StringBuilder(ex.Message.Trim().TrimEnd('.'));
        if (message.Length > 200)
            message.Length = 200;
        return message.Length == 0 ? ex.GetType().Name : message.ToString();
    }
}
