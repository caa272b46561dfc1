namespace Pcc.Briefings.Reading.Text;

/// <summary>Groups plain-text lines into heading and paragraph blocks, keeping each block's first line and page.</summary>
internal sealed class PlainTextBlockBuilder(bool paged)
{
    private readonly List<DocumentBlock> _blocks = [];
    private readonly List<string> _lines = [];
    private SourceLocation _start;
    private int _page = 1;

    public void Add(string rawLine, int lineNumber)
    {
        var line = rawLine;
        if (line.Contains('\f'))
        {
            // A form feed ends the page: text before it belongs to the old page, text after it to the new one.
            var parts = line.Split('\f');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0)
                {
                    Close();
                    _page++;
                }

                AddLine(parts[p], lineNumber);
            }

            return;
        }

        AddLine(line, lineNumber);
    }

    public IReadOnlyList<DocumentBlock> Finish()
    {
        Close();
        return _blocks;
    }

    private void AddLine(string line, int lineNumber)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            Close();
            return;
        }

        var startsHeading = _lines.Count > 0 && char.IsWhiteSpace(line[0]) && HeadingShape.IsHeadingLike(line);
        if (startsHeading)
        {
            Close();
        }

        if (_lines.Count == 0)
        {
            _start = paged ? SourceLocation.OnPage(_page, lineNumber) : SourceLocation.AtLine(lineNumber);
        }

        _lines.Add(line.TrimEnd());
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
