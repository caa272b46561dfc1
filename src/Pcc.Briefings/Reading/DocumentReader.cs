namespace Pcc.Briefings.Reading;

/// <summary>
/// A reader whose every problem, thrown by it or by the parser it drives, comes back as a failed result
/// (<see cref="ReaderGuard"/>); text-based formats share the decoding and the bounds checked before a parser runs.
/// </summary>
public abstract class DocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public abstract DocumentFormat Format { get; }

    /// <summary>
    /// True for a reader of this library's own that checks for cancellation as it goes, takes time linear in the
    /// (bounded) text and does not recurse: <see cref="BriefingReader"/> runs it on the caller's thread, not one of its own.
    /// </summary>
    internal virtual bool RunsInline => false;

    /// <inheritdoc />
    public ReadResult Read(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken = default) =>
        ReaderGuard.Run(documentName, Format, () => ReadDocument(content, documentName, limits, cancellationToken));

    /// <summary>Reads the document; a <see cref="ReadProblemException"/> or a parser's exception becomes a failed result.</summary>
    private protected abstract ReadResult ReadDocument(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken);

    /// <summary>The document's text, decoded (<see cref="TextDecoding"/>) and within <paramref name="limits"/>.</summary>
    private protected string DecodeText(ReadOnlySpan<byte> content, ReaderLimits limits, CancellationToken cancellationToken) =>
        CheckText(content, TextDecoding.Decode(content), limits, cancellationToken);

    /// <summary>Fails text that does not read as any encoding tried, or that is beyond <paramref name="limits"/>.</summary>
    private protected string CheckText(ReadOnlySpan<byte> content, DecodedText decoded, ReaderLimits limits, CancellationToken cancellationToken)
    {
        TextDecoding.CheckReadable(content, decoded, ReaderGuard.Name(Format));
        TextLimits.Check(decoded.Text, Format, limits, cancellationToken);
        return decoded.Text;
    }
}
