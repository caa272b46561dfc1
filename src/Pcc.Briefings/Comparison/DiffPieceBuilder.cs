namespace Pcc.Briefings.Comparison;

/// <summary>Collects words into pieces, merging consecutive words of the same kind.</summary>
internal sealed class DiffPieceBuilder
{
    private readonly List<(DiffPieceKind Kind, List<string> Words)> _runs = [];

    public void Add(DiffPieceKind kind, string word)
    {
        if (_runs.Count == 0 || _runs[^1].Kind != kind)
        {
            _runs.Add((kind, []));
        }

        _runs[^1].Words.Add(word);
    }

    public IReadOnlyList<DiffPiece> Build() => _runs.Select(r => new DiffPiece(r.Kind, string.Join(' ', r.Words))).ToArray();
}
