using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Extraction;

/// <summary>A paragraph's lines joined into one string, remembering where each source line starts.</summary>
internal sealed class JoinedText(string value, IReadOnlyList<int> lineStarts, IReadOnlyList<SourceLocation> lineLocations)
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
        return lineLocations[line];
    }

    private int BinarySearch(int index)
    {
        var list = lineStarts as List<int> ?? lineStarts.ToList();
        return list.BinarySearch(index);
    }
}
