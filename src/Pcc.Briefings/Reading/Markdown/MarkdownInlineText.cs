using System.Text;
using Markdig.Syntax.Inlines;

namespace Pcc.Briefings.Reading.Markdown;

/// <summary>The plain text of Markdown inlines, one string per source line: emphasis and link syntax dropped, entities decoded.</summary>
internal static class MarkdownInlineText
{
    public static IReadOnlyList<string> Lines(ContainerInline? inline)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        if (inline is not null)
        {
            Append(inline, current, lines);
        }

        lines.Add(current.ToString());
        return lines;
    }

    private static void Append(Inline inline, StringBuilder current, List<string> lines)
    {
        switch (inline)
        {
            case LineBreakInline:
                lines.Add(current.ToString());
                current.Clear();
                break;
            case LiteralInline literal:
                current.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                current.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                current.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                current.Append(autolink.Url);
                break;
            case HtmlInline html:
                current.Append(html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase) ? " " : "");
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, current, lines);
                }

                break;
            default:
                break;
        }
    }
}
