using AngleSharp.Html.Parser;

namespace Pcc.Briefings.Reading.Html;

/// <summary>Reads HTML with AngleSharp: h1–h6 become headings, other block elements paragraphs; scripts, styles and navigation are skipped.</summary>
public sealed class HtmlDocumentReader : DocumentReader
{
    /// <inheritdoc />
    public override DocumentFormat Format => DocumentFormat.Html;

    private protected override ReadResult ReadDocument(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken)
    {
        var text = DecodeText(content.Span, limits, cancellationToken);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(text);
        var root = (AngleSharp.Dom.IElement?)document.Body ?? document.DocumentElement;
        HtmlDepth.Check(root, limits, cancellationToken);
        var walker = new HtmlBlockWalker(cancellationToken);
        var blocks = walker.Walk(root);
        return ReadResult.ForValue(new DocumentText(documentName, Format, blocks, []) { FootnoteMarksRemoved = walker.MarksRemoved });
    }
}
