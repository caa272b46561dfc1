namespace Pcc.Briefings.Reading.Text;

/// <summary>
/// Reads plain text: blank lines separate blocks, a single short line without closing punctuation is a heading,
/// and an indented heading-shaped line inside a block (as PDF-to-text tools leave them) starts a heading of its own.
/// Form feeds are page breaks.
/// </summary>
public sealed class PlainTextDocumentReader : DocumentReader
{
    /// <inheritdoc />
    public override DocumentFormat Format => DocumentFormat.Text;

    private protected override ReadResult ReadDocument(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken)
    {
        var decoded = TextDecoding.Decode(content.Span);
        if (TextDecoding.LooksBinary(decoded.Text))
        {
            throw new ReadProblemException(ReadFailureKind.UnsupportedFormat, "start of document",
                "The document holds binary data, not text. Expected plain text in UTF-8, UTF-16 or Windows-1252.");
        }

        var blocks = ReadBlocks(CheckText(content.Span, decoded, limits, cancellationToken), cancellationToken);
        return ReadResult.ForValue(new DocumentText(documentName, Format, blocks, []));
    }

    internal static IReadOnlyList<DocumentBlock> ReadBlocks(string text, CancellationToken cancellationToken)
    {
        var builder = new PlainTextBlockBuilder(paged: text.Contains('\f'));
        // Not string.ReplaceLineEndings: it also turns form feeds, which mark pages, into line breaks.
        var lines = text.Replace("\r\n", "\n").Split('\n', '\r', '\u0085', '\u2028', '\u2029');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            builder.Add(lines[i], i + 1);
        }

        return builder.Finish();
    }
}
