using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Extraction;

/// <summary>A heading or paragraph being healed: lines can be dropped, split off or joined with the next unit.</summary>
/// <param name="kind">Heading or paragraph.</param>
/// <param name="lines">The unit's lines; the unit owns the list from now on.</param>
internal sealed class TextUnit(BlockKind kind, List<UnitLine> lines)
{
    public BlockKind Kind { get; set; } = kind;

    public List<UnitLine> Lines { get; } = lines;

    public SourceLocation Location => Lines[0].Location;

    public string Text => string.Join(' ', Lines.Select(l => l.Text.Trim()));

    public static TextUnit From(DocumentBlock block)
    {
        var lines = new List<UnitLine>(block.Lines.Count);
        for (var i = 0; i < block.Lines.Count; i++)
        {
            lines.Add(new UnitLine(block.Lines[i], LineLocation(block.Location, i)));
        }

        return new TextUnit(block.Kind, lines);
    }

    private static SourceLocation LineLocation(SourceLocation start, int index) =>
        start.Line is { } line ? start with { Line = line + index } : start;
}
