namespace Pcc.Briefings.Reading.Text;

/// <summary>Groups plain-text lines into heading and paragraph blocks, keeping each block's first line and page.</summary>
internal sealed class PlainTextBlockBuilder(bool paged)
{
    private readonly List<DocumentBlock> _blocks = [];
    private readonly List<string> _lines = [];
    private SourceLocation _start;
    private int _page = 1;

    public void Add(ReadOnlySpan<char> line, int lineNumber)
    {
        // A form feed ends the page: text before it belongs to the old page, text after it to the new one.
        for (var feed = line.IndexOf('\f'); feed >= 0; feed = line.IndexOf('\f'))
        {
            AddLine(line[..feed], lineNumber);
            Close();
            _page++;
            line = line[(feed + 1)..];
        }

        AddLine(line, lineNumber);
    }

    public IReadOnlyList<DocumentBlock> Finish()
    {
        Close();
        return _blocks;
    }

    private void AddLine(ReadOnlySpan<char> rawLine, int lineNumber)
    {
        if (rawLine.IsWhiteSpace())
        {
            Close();
            return;
        }

        // Trailing white space changes neither whether a line is heading-shaped nor its first character.
        var line = rawLine.TrimEnd().ToString();
        var startsHeading = _lines.Count > 0 && char.IsWhiteSpace(line[0]) && HeadingShape.IsHeadingLike(line);
        if (startsHeading)
        {
            Close();
        }

        if (_lines.Count == 0)
        {
            _start = paged ? SourceLocation.OnPage(_page, lineNumber) : SourceLocation.AtLine(lineNumber);
        }

        _lines.Add(line);
        if (startsHeading)
        {
            Close();
        }
    }

    private void Close()
    {
        if (_lines.Count == 0)
        {
            return;
        }

        var kind = _lines.Count == 1 && HeadingShape.IsHeadingLike(_lines[0]) ? BlockKind.Heading : BlockKind.Paragraph;
        _blocks.Add(new DocumentBlock(kind, _lines.ToArray(), _start));
        _lines.Clear();
    }
}
