using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;

namespace Pcc.Notifications.Email.Html;

/// <summary>
/// Writes the inlined document back out as HTML. Text is escaped as <see cref="WebUtility.HtmlEncode(string)"/> does
/// (<c>&lt; &gt; &amp; " '</c>, and Latin-1 letters as numeric references), so text that looks like markup never
/// becomes markup; attribute values escape <c>&amp; " &lt; &gt;</c>. Style attributes are written compactly,
/// <c>name:value;</c> for each declaration, as hand-written email styles are.
/// </summary>
internal sealed class EmailMarkupFormatter : IMarkupFormatter
{
    /// <summary>The one instance (it keeps no state).</summary>
    public static readonly EmailMarkupFormatter Instance = new();

    private static readonly IMarkupFormatter s_html = HtmlMarkupFormatter.Instance;

    private EmailMarkupFormatter()
    {
    }

    /// <inheritdoc />
    public string Text(ICharacterData text) => WebUtility.HtmlEncode(text.Data);

    /// <inheritdoc />
    public string LiteralText(ICharacterData text) => s_html.LiteralText(text);

    /// <inheritdoc />
    public string Comment(IComment comment) => s_html.Comment(comment);

    /// <inheritdoc />
    public string Processing(IProcessingInstruction processing) => s_html.Processing(processing);

    /// <inheritdoc />
    public string Doctype(IDocumentType doctype) => s_html.Doctype(doctype);

    /// <inheritdoc />
    public string OpenTag(IElement element, bool selfClosing) =>
        string.Concat("<", element.LocalName, string.Concat(element.Attributes.Select(Attribute)), ">");

    /// <inheritdoc />
    public string CloseTag(IElement element, bool selfClosing) => s_html.CloseTag(element, selfClosing);

    /// <summary>One attribute with its leading space: <c> name="value"</c>.</summary>
    private static string Attribute(IAttr attribute)
    {
        var value = attribute.Name == "style" ? CompactStyle(attribute.Value) : attribute.Value;
        return string.Concat(" ", attribute.Name, "=\"", EscapeAttribute(value), "\"");
    }

    private static string EscapeAttribute(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary><c>a: 1;b: 2</c> as <c>a:1;b:2;</c>: PreMailer writes a space after each colon and no last semicolon.</summary>
    internal static string CompactStyle(string style) => string.Concat(Declarations(style)
        .Select(d => d.Split(':', 2))
        .Where(parts => parts.Length == 2 && parts[0].Trim().Length > 0)
        .Select(parts => $"{parts[0].Trim()}:{parts[1].Trim()};"));

    // Semicolons inside quotes or parentheses (a font name, a url) do not end a declaration.
    private static IEnumerable<string> Declarations(string style)
    {
        var start = 0;
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < style.Length; i++)
        {
            var c = style[i];
            if (quote is { } open)
            {
                quote = c == open ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (c == ';' && depth == 0)
            {
                yield return style[start..i];
                start = i + 1;
            }
        }

        yield return style[start..];
    }
}
