using System.Text.RegularExpressions;
using DiffPlex;

namespace Pcc.Notifications.Digests;

/// <summary>Word-level diffs for digests: computed from two texts, or read back from the catalogue's diff text.</summary>
internal static partial class WordDiff
{
    /// <summary>Compares two texts word by word (whitespace-separated, compared exactly).</summary>
    public static IReadOnlyList<DigestDiffPiece> Between(string before, string after)
    {
        var oldWords = Words(before);
        var newWords = Words(after);
        // One word per line: DiffPlex's line differ then works on words, and a word never contains '\n'.
        var result = new Differ().CreateCustomDiffs(
            string.Join('\n', oldWords), string.Join('\n', newWords), false, text => text.Length == 0 ? [] : text.Split('\n'));

        var pieces = new PieceBuilder();
        var next = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; next < block.InsertStartB; next++)
            {
                pieces.Add(DigestDiffPieceKind.Unchanged, newWords[next]);
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                pieces.Add(DigestDiffPieceKind.Deleted, oldWords[block.DeleteStartA + i]);
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                pieces.Add(DigestDiffPieceKind.Inserted, newWords[block.InsertStartB + i]);
            }

            next = block.InsertStartB + block.InsertCountB;
        }

        for (; next < newWords.Length; next++)
        {
            pieces.Add(DigestDiffPieceKind.Unchanged, newWords[next]);
        }

        return pieces.Build();
    }

    /// <summary>Reads a diff written as <c>kept [-deleted-]{+inserted+} kept</c> back into pieces.</summary>
    public static IReadOnlyList<DigestDiffPiece> Parse(string diff)
    {
        var pieces = new PieceBuilder();
        var at = 0;
        foreach (Match match in Marks().Matches(diff))
        {
            pieces.AddWords(DigestDiffPieceKind.Unchanged, diff[at..match.Index]);
            var deleted = match.Groups["deleted"];
            pieces.AddWords(deleted.Success ? DigestDiffPieceKind.Deleted : DigestDiffPieceKind.Inserted, deleted.Success ? deleted.Value : match.Groups["inserted"].Value);
            at = match.Index + match.Length;
        }

        pieces.AddWords(DigestDiffPieceKind.Unchanged, diff[at..]);
        return pieces.Build();
    }

    /// <summary>Whether any piece is a deletion or an insertion.</summary>
    public static bool HasChanges(IReadOnlyList<DigestDiffPiece> pieces) => pieces.Any(p => p.Kind != DigestDiffPieceKind.Unchanged);

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"\[-(?<deleted>.*?)-\]|\{\+(?<inserted>.*?)\+\}", RegexOptions.Singleline)]
    private static partial Regex Marks();

    /// <summary>Joins consecutive words of the same kind into one piece.</summary>
    private sealed class PieceBuilder
    {
        private readonly List<DigestDiffPiece> _pieces = [];
        private readonly List<string> _words = [];
        private DigestDiffPieceKind _kind;

        public void AddWords(DigestDiffPieceKind kind, string text)
        {
            foreach (var word in Words(text))
            {
                Add(kind, word);
            }
        }

        public void Add(DigestDiffPieceKind kind, string word)
        {
            if (_words.Count > 0 && kind != _kind)
            {
                Flush();
            }

            _kind = kind;
            _words.Add(word);
        }

        public IReadOnlyList<DigestDiffPiece> Build()
        {
            Flush();
            return _pieces;
        }

        private void Flush()
        {
            if (_words.Count > 0)
            {
                _pieces.Add(new DigestDiffPiece(_kind, string.Join(' ', _words)));
                _words.Clear();
            }
        }
    }
}
