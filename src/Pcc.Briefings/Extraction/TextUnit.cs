using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Extraction;

/// <summary>A heading or paragraph being healed: lines can be dropped, split off or joined with the next unit.</summary>
internal sealed class TextUnit(BlockKind kind, IEnumerable<UnitLine> lines)
{
    public BlockKind Kind { get; set; } = kind;

    public List<UnitLine> Lines { get; } = lines.ToList();

    public SourceLocation Location => Lines[0].Location;

    public string Text => string.Join(' ', Lines.Select(l => l.Text.Trim()));

    public static TextUnit From(DocumentBlock block)
    {
        var lines = block.Lines.Select((line, i) => new UnitLine(line, LineLocation(block.Location, i)));
        return new TextUnit(block.Kind, lines);
    }

    private static SourceLocation LineLocation(SourceLocation start, int index) =>
        start.Line is { } line ? start with { Line = line + index } : start;
}
