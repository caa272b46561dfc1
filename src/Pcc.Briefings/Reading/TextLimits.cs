namespace Pcc.Briefings.Reading;

/// <summary>
/// Bounds a decoded text, Markdown or HTML document before a parser sees it, so that parsing stays linear: its length,
/// the length of its longest line (text and Markdown), and for Markdown the nesting a line opens (block quotes, lists,
/// brackets) and runs of one delimiter (a million backticks).
/// </summary>
internal static class TextLimits
{
    /// <summary>Longest run of one Markdown delimiter character (`, *, _, ~, [, ]) accepted.</summary>
    private const int MaxDelimiterRun = 1_000;

    public static void Check(string text, DocumentFormat format, ReaderLimits limits, CancellationToken cancellationToken)
    {
        var name = ReaderGuard.Name(format);
        if (format == DocumentFormat.Html)
        {
            CheckLength(text, name, limits);
            CheckTags(text, limits, cancellationToken);
            return;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && !(text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                continue;
            if ((line & 0x3FF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var length = i - lineStart;
            if (length > limits.MaxLineLength)
            {
                throw new ReadProblemException(ReadFailureKind.TooLarge, $"line {line}",
                    $"Line {line} of the {name} is {length:N0} characters long. Expected lines of at most {limits.MaxLineLength:N0} characters.");
            }

            if (format == DocumentFormat.Markdown)
                CheckMarkdownLine(text.AsSpan(lineStart, length), line, limits);
            line++;
            lineStart = i + 1;
        }

        CheckLength(text, name, limits);
    }

    private static void CheckLength(string text, string name, ReaderLimits limits)
    {
        if (text.Length > limits.MaxTextCharacters)
        {
            throw new ReadProblemException(ReadFailureKind.TooLarge, null,
                $"The {name} has {text.Length:N0} characters of text. Expected at most {limits.MaxTextCharacters:N0}; split it, or link images rather than embedding them.");
        }
    }

    private static void CheckMarkdownLine(ReadOnlySpan<char> line, int number, ReaderLimits limits)
    {
        // Container prefixes: each '>' or list marker opens a level, and so does every two columns of indentation.
        var depth = 0;
        var i = 0;
        for (; i < line.Length && line[i] is ' ' or '\t' or '>' or '-' or '+' or '*'; i++)
            depth += line[i] switch { '>' => 2, '\t' => 2, _ => 1 };
        var brackets = 0;
        var run = 1;
        for (var j = 0; j < line.Length; j++)
        {
            var c = line[j];
            brackets = c switch { '[' or '(' => brackets + 1, ']' or ')' => Math.Max(0, brackets - 1), _ => brackets };
            run = j > 0 && c == line[j - 1] ? run + 1 : 1;
            if (depth / 2 > limits.MaxNestingDepth || brackets > limits.MaxNestingDepth)
            {
                throw new ReadProblemException(ReadFailureKind.TooLarge, $"line {number}",
                    $"The Markdown document is nested deeper than {limits.MaxNestingDepth} levels (quotes, lists or brackets) at line {number}. Expected ordinary headings and paragraphs.");
            }

            if (run > MaxDelimiterRun && c is '`' or '*' or '_' or '~' or '[' or ']')
            {
                throw new ReadProblemException(ReadFailureKind.TooLarge, $"line {number}",
                    $"Line {number} of the Markdown document repeats '{c}' more than {MaxDelimiterRun:N0} times in a row. Expected ordinary text.");
            }
        }
    }

    private static readonly HashSet<string> s_notNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements, and elements whose end tag may be left out (the parser closes them): they add no depth.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rp", "html", "head", "body",
    };

    private static readonly HashSet<string> s_rawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "plaintext" };

    /// <summary>
    /// Counts tags and the nesting their start and end tags open, lexically, so that the element and depth limits
    /// hold before AngleSharp builds a tree (it slows down sharply on a hundred thousand nested elements).
    /// </summary>
    private static void CheckTags(string text, ReaderLimits limits, CancellationToken cancellationToken)
    {
        var tags = 0;
        var depth = 0;
        for (var i = text.IndexOf('<'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (text.AsSpan(i).StartsWith("<!--"))
            {
                var close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close;
                continue;
            }

            var closing = text[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < text.Length && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] is '-' or ':'))
                nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(text[nameStart]))
                continue;
            if (++tags % 4096 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            if (tags > limits.MaxElements)
            {
                throw new ReadProblemException(ReadFailureKind.TooLarge, LineAt(text, i),
                    $"The HTML document has more than {limits.MaxElements:N0} elements. Expected a briefing of ordinary size.");
            }

            var name = text[nameStart..nameEnd];
            var end = TagEnd(text, nameEnd);
            if (closing)
            {
                if (!s_notNesting.Contains(name))
                    depth = Math.Max(0, depth - 1);
            }
            else if (s_rawText.Contains(name))
            {
                var close = text.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                end = close < 0 ? text.Length : close;
            }
            else if (!s_notNesting.Contains(name) && !(end > 0 && text[end - 1] == '/') && ++depth > limits.MaxNestingDepth)
            {
                throw new ReadProblemException(ReadFailureKind.TooLarge, LineAt(text, i),
                    $"The HTML document is nested deeper than {limits.MaxNestingDepth} levels (a <{name}> inside {depth - 1} others). Expected ordinary headings and paragraphs.");
            }

            i = Math.Max(i, end - 1);
        }
    }

    /// <summary>The index of the '&gt;' that ends a tag, skipping quoted attribute values.</summary>
    private static int TagEnd(string text, int from)
    {
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                    quote = null;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return text.Length;
    }

    private static string LineAt(string text, int index) => $"line {text.AsSpan(0, index).Count('\n') + 1}";
}
