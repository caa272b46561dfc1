using Markdig;
using Markdig.Syntax;

namespace Pcc.Briefings.Reading.Markdown;

/// <summary>Reads CommonMark with Markdig: ATX and setext headings become headings, paragraphs keep their soft line breaks.</summary>
public sealed class MarkdownDocumentReader : DocumentReader
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <inheritdoc />
    public override DocumentFormat Format => DocumentFormat.Markdown;

    private protected override ReadResult ReadDocument(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken)
    {
        var text = DecodeText(content.Span, limits, cancellationToken);
        var document = Markdig.Markdown.Parse(text, s_pipeline);
        var blocks = new List<DocumentBlock>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = SourceLocation.AtLine(block.Line + 1);
            var lines = block switch
            {
                HeadingBlock or ParagraphBlock => MarkdownInlineText.Lines(block.Inline),
                CodeBlock code => code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()).ToArray(),
                _ => [],
            };
            lines = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
            if (lines.Count > 0 && block.Parent is ListItemBlock item && item.IndexOf(block) == 0)
            {
                // List items keep a bullet so that a list of theme names is never mistaken for headings.
                lines = [ListItems.Bullet + lines[0], .. lines.Skip(1)];
            }

            if (lines.Count > 0)
            {
                blocks.Add(new DocumentBlock(block is HeadingBlock ? BlockKind.Heading : BlockKind.Paragraph, lines, location));
            }
        }

        return ReadResult.ForValue(new DocumentText(documentName, Format, blocks, []));
    }
}
