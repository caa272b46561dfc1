using System.Buffers;

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

    /// <inheritdoc />
    internal override bool RunsInline => true;

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
        var rest = text.AsSpan();
        for (var number = 1; ; number++)
        {
            if (number % 256 == 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var end = rest.IndexOfAny(s_lineBreaks);
            if (end < 0)
            {
                builder.Add(rest, number);
                return builder.Finish();
            }

            builder.Add(rest[..end], number);
            rest = rest[(rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? end + 2 : end + 1)..];
        }
    }

    // Not the breaks string.ReplaceLineEndings knows: those include form feeds, which mark pages. "\r\n" is one break.
    private static readonly SearchValues<char> s_lineBreaks = SearchValues.Create("\n\r\u0085\u2028\u2029");
}
