using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Extraction;

/// <summary>A paragraph's lines joined into one string, remembering where each source line starts.</summary>
internal sealed class JoinedText(string value, List<int> lineStarts, IReadOnlyList<UnitLine> lines)
{
    public string Value { get; } = value;

    public bool IsLineStart(int index)
    {
        var found = BinarySearch(index);
        return found >= 0;
    }

    public SourceLocation LocationAt(int index)
    {
        var found = BinarySearch(index);
        var line = found >= 0 ? found : Math.Max(0, ~found - 1);
        return lines[line].Location;
    }

    private int BinarySearch(int index) => lineStarts.BinarySearch(index);
}
