using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Pcc.Briefings.Reading;

/// <summary>
/// Decides a document's format from its bytes; the file name only breaks ties between text formats.
/// A wrong extension never changes how binary formats are read.
/// </summary>
public static partial class FormatDetector
{
    private static readonly byte[] s_zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] s_emptyZip = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] s_ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] s_pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] s_encryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    /// <summary>
    /// The format of <paramref name="content"/>. Throws nothing for bad bytes; returns a failure instead.
    /// </summary>
    /// <param name="content">The document's bytes.</param>
    /// <param name="documentName">The document's name; its extension is a hint for text formats only.</param>
    public static FormatDetectionResult Detect(ReadOnlyMemory<byte> content, string documentName)
    {
        try
        {
            return FormatDetectionResult.ForValue(DetectOrThrow(content, documentName));
        }
        catch (ReadProblemException problem)
        {
            return FormatDetectionResult.ForFailure(problem.ToFailure(documentName));
        }
    }

    internal static FormatDetection DetectOrThrow(ReadOnlyMemory<byte> content, string documentName)
    {
        var named = FormatFromName(documentName);
        var detected = DetectFromBytes(content, named);
        var warning = named is { } n && n != detected
            ? $"The name '{documentName}' suggests {Describe(n)}, but the content is {Describe(detected)}; read as {Describe(detected)}."
            : null;
        return new FormatDetection(detected, warning);
    }

    private static DocumentFormat DetectFromBytes(ReadOnlyMemory<byte> content, DocumentFormat? named)
    {
        var bytes = content.Span;
        if (bytes[..Math.Min(bytes.Length, 1024)].IndexOf(s_pdf) >= 0)
        {
            return DocumentFormat.Pdf;
        }

        if (bytes.StartsWith(s_zip) || bytes.StartsWith(s_emptyZip))
        {
            return InspectZip(content);
        }

        if (bytes.StartsWith(s_ole))
        {
            throw bytes.IndexOf(s_encryptedPackage) >= 0
                ? new ReadProblemException(ReadFailureKind.Encrypted, null,
                    "The document is a password-protected Office file. Expected an unprotected .docx: remove the password and upload it again.")
                : new ReadProblemException(ReadFailureKind.UnsupportedFormat, null,
                    "The document is a legacy Office file (.doc). Expected .docx, PDF, HTML, Markdown or plain text: save it as .docx.");
        }

        if (KnownBinary(bytes) is { } binaryName)
        {
            throw new ReadProblemException(ReadFailureKind.UnsupportedFormat, null,
                $"The document is {binaryName}. Expected a briefing as .docx, PDF, HTML, Markdown or plain text.");
        }

        // Only the start of the text decides, so only the start is decoded, into a pooled buffer: the reader decodes it all.
        // One character more than the sample: a surrogate pair across the sample's end still leaves the sample full.
        var buffer = ArrayPool<char>.Shared.Rent(TextDecoding.SampleLength + 1);
        try
        {
            var start = buffer.AsSpan(0, TextDecoding.DecodeStart(bytes, buffer.AsSpan(0, TextDecoding.SampleLength + 1)));
            if (TextDecoding.LooksBinary(start))
            {
                throw new ReadProblemException(ReadFailureKind.UnsupportedFormat, "start of document",
                    "The document holds binary data, not text. Expected a briefing as .docx, PDF, HTML, Markdown or plain text.");
            }

            return DetectTextFormat(start, named);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static DocumentFormat DetectTextFormat(ReadOnlySpan<char> text, DocumentFormat? named)
    {
        var head = text[..Math.Min(text.Length, 8192)].TrimStart();
        if (head.StartsWith("{\\rtf", StringComparison.Ordinal))
        {
            throw new ReadProblemException(ReadFailureKind.UnsupportedFormat, null,
                "The document is Rich Text Format (RTF). Expected .docx, PDF, HTML, Markdown or plain text: save it as .docx.");
        }

        if (HtmlDocumentMarker().IsMatch(head) || (head.StartsWith("<") && HtmlTagMarker().IsMatch(head)))
        {
            return DocumentFormat.Html;
        }

        if (named is DocumentFormat.Html or DocumentFormat.Markdown)
        {
            return named.Value;
        }

        return LooksLikeMarkdown(head) ? DocumentFormat.Markdown : DocumentFormat.Text;
    }

    private static bool LooksLikeMarkdown(ReadOnlySpan<char> head)
    {
        if (AtxHeading().IsMatch(head) || SetextHeading().IsMatch(head))
        {
            return true;
        }

        return MarkdownLink().Count(head) + MarkdownEmphasis().Count(head) >= 2;
    }

    private static DocumentFormat InspectZip(ReadOnlyMemory<byte> content)
    {
        HashSet<string> names;
        try
        {
            using var archive = new ZipArchive(ByteStreams.Open(content), ZipArchiveMode.Read);
            names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            throw new ReadProblemException(ReadFailureKind.Corrupt, "ZIP directory",
                $"The document is a damaged ZIP archive ({ex.Message}). Expected a complete .docx file.");
        }

        if (names.Contains("word/document.xml"))
        {
            return DocumentFormat.Docx;
        }

        var what = names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)) ? "an Excel workbook"
            : names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)) ? "a PowerPoint presentation"
            : names.Contains("content.xml") ? "an OpenDocument file"
            : "a ZIP archive";
        throw new ReadProblemException(ReadFailureKind.UnsupportedFormat, "ZIP directory",
            $"The document is {what}, not a Word document: expected a part named word/document.xml.");
    }

    private static string? KnownBinary(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "a GIF image",
        [0x1F, 0x8B, ..] => "a gzip archive",
        [(byte)'R', (byte)'a', (byte)'r', (byte)'!', ..] => "a RAR archive",
        [(byte)'7', (byte)'z', 0xBC, 0xAF, ..] => "a 7-Zip archive",
        _ => null,
    };

    private static DocumentFormat? FormatFromName(string documentName) =>
        Path.GetExtension(documentName).ToLowerInvariant() switch
        {
            ".txt" or ".text" => DocumentFormat.Text,
            ".md" or ".markdown" => DocumentFormat.Markdown,
            ".html" or ".htm" or ".xhtml" => DocumentFormat.Html,
            ".docx" => DocumentFormat.Docx,
            ".pdf" => DocumentFormat.Pdf,
            _ => null,
        };

    private static string Describe(DocumentFormat format) => format switch
    {
        DocumentFormat.Text => "plain text",
        DocumentFormat.Markdown => "Markdown",
        DocumentFormat.Html => "HTML",
        DocumentFormat.Docx => "a Word document",
        _ => "PDF",
    };

    [GeneratedRegex(@"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlDocumentMarker();

    [GeneratedRegex(@"</(p|div|h[1-6]|li|ul|ol|span|a|section|article|table|em|strong)>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTagMarker();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+\S", RegexOptions.Multiline)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^\S[^\n]*\r?\n {0,3}(=+|-{3,})[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex SetextHeading();

    [GeneratedRegex(@"\[[^\]\n]+\]\([^)\s]+\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(\*\*|__)\S[^*\n]*?\S\1")]
    private static partial Regex MarkdownEmphasis();
}
