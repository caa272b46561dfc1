using System.Text;
using AngleSharp.Dom;
using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Reading.Html;

/// <summary>
/// Walks an HTML tree in document order. An element with no block-level children becomes one block; text that
/// sits loose between block children becomes a paragraph of its own. &lt;br&gt; splits lines.
/// </summary>
internal sealed class HtmlBlockWalker(CancellationToken cancellationToken)
{
    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "object", "button", "form", "select",
    };

    private static readonly HashSet<string> s_blockLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "html",
    };

    private readonly List<DocumentBlock> _blocks = [];
    private int _visited;

    /// <summary>Footnote references (&lt;sup&gt; holding only a number or mark) left out of the text.</summary>
    public int MarksRemoved { get; private set; }

    public IReadOnlyList<DocumentBlock> Walk(IElement? root)
    {
        if (root is not null)
        {
            VisitContainer(root);
        }

        return _blocks;
    }

    private void VisitContainer(IElement element)
    {
        if (!element.Children.Any(IsBlockLevel))
        {
            Emit(element, [element]);
            return;
        }

        var loose = new List<INode>();
        foreach (var child in element.ChildNodes)
        {
            if (++_visited % 512 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (child is IElement childElement && (IsBlockLevel(childElement) || s_skipped.Contains(childElement.LocalName)))
            {
                Emit(element, loose);
                loose.Clear();
                if (!s_skipped.Contains(childElement.LocalName))
                {
                    VisitContainer(childElement);
                }
            }
            else
            {
                loose.Add(child);
            }
        }

        Emit(element, loose);
    }

    private void Emit(IElement owner, IReadOnlyList<INode> nodes)
    {
        if (nodes.Count == 0 || s_skipped.Contains(owner.LocalName))
        {
            return;
        }

        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var node in nodes)
        {
            AppendText(node, current, lines);
        }

        lines.Add(current.ToString());
        var cleaned = lines.Select(TextNormalizer.Clean).Where(l => l.Length > 0).ToArray();
        if (cleaned.Length == 0)
        {
            return;
        }

        var kind = owner.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" ? BlockKind.Heading : BlockKind.Paragraph;
        if (owner.LocalName == "li" && ReferenceEquals(nodes[0], owner))
        {
            cleaned[0] = ListItems.Bullet + cleaned[0];
        }

        var first = nodes[0] as IElement ?? owner;
        var line = first.SourceReference?.Position.Line ?? owner.SourceReference?.Position.Line;
        _blocks.Add(new DocumentBlock(kind, cleaned, line is > 0 ? SourceLocation.AtLine(line.Value) : default));
    }

    private void AppendText(INode node, StringBuilder current, List<string> lines)
    {
        switch (node)
        {
            case IElement { LocalName: "sup" } sup when FootnoteMarkText.IsMark(sup.TextContent):
                MarksRemoved++;
                break;
            case IElement { LocalName: "br" }:
                lines.Add(current.ToString());
                current.Clear();
                break;
            case IElement element when s_skipped.Contains(element.LocalName):
                break;
            case IElement element:
                foreach (var child in element.ChildNodes)
                {
                    AppendText(child, current, lines);
                }

                break;
            case IText text:
                current.Append(text.Data);
                break;
        }
    }

    private static bool IsBlockLevel(IElement element) => s_blockLevel.Contains(element.LocalName);
}
