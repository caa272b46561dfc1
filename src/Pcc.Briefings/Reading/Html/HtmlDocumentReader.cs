using AngleSharp.Html.Parser;

namespace Pcc.Briefings.Reading.Html;

/// <summary>Reads HTML with AngleSharp: h1–h6 become headings, other block elements paragraphs; scripts, styles and navigation are skipped.</summary>
public sealed class HtmlDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public DocumentFormat Format => DocumentFormat.Html;

    /// <inheritdoc />
    public ReadResult Read(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken = default) =>
        ReaderGuard.Run(documentName, Format, () => ReadCore(content, documentName, limits, cancellationToken));

    private ReadResult ReadCore(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken)
    {
        var decoded = TextDecoding.Decode(content.Span);
        TextDecoding.CheckReadable(content.Span, decoded, ReaderGuard.Name(Format));
        var text = decoded.Text;
        TextLimits.Check(text, Format, limits, cancellationToken);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(text);
        var root = (AngleSharp.Dom.IElement?)document.Body ?? document.DocumentElement;
        HtmlDepth.Check(root, limits, cancellationToken);
        var walker = new HtmlBlockWalker(cancellationToken);
        var blocks = walker.Walk(root);
        return ReadResult.ForValue(new DocumentText(documentName, Format, blocks, []) { FootnoteMarksRemoved = walker.MarksRemoved });
    }
}
