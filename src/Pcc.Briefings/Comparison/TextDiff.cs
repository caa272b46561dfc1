using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;
using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Comparison;

/// <summary>
/// A word-level difference between two texts. Words are compared in their normal form, so quote style,
/// wrapping and hyphenation are never differences; the pieces show the words as each version writes them.
/// </summary>
public sealed partial class TextDiff
{
    private TextDiff(IReadOnlyList<DiffPiece> pieces) => Pieces = pieces;

    /// <summary>The runs of unchanged, deleted and inserted words, in reading order.</summary>
    public IReadOnlyList<DiffPiece> Pieces { get; }

    /// <summary>True when any word was deleted or inserted.</summary>
    public bool HasChanges => Pieces.Any(p => p.Kind != DiffPieceKind.Unchanged);

    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/> word by word.</summary>
    public static TextDiff Between(string before, string after)
    {
        var oldWords = Words(before);
        var newWords = Words(after);
        var result = new Differ().CreateCustomDiffs(
            string.Join('\n', oldWords.Select(TextNormalizer.ComparisonToken)),
            string.Join('\n', newWords.Select(TextNormalizer.ComparisonToken)),
            false,
            text => text.Length == 0 ? [] : text.Split('\n'));

        var pieces = new DiffPieceBuilder();
        var newIndex = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (newIndex < block.InsertStartB)
            {
                pieces.Add(DiffPieceKind.Unchanged, newWords[newIndex++]);
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                pieces.Add(DiffPieceKind.Deleted, oldWords[block.DeleteStartA + i]);
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                pieces.Add(DiffPieceKind.Inserted, newWords[block.InsertStartB + i]);
            }

            newIndex = block.InsertStartB + block.InsertCountB;
        }

        while (newIndex < newWords.Length)
        {
            pieces.Add(DiffPieceKind.Unchanged, newWords[newIndex++]);
        }

        return new TextDiff(pieces.Build());
    }

    /// <summary>
    /// Reads a diff written by <see cref="Render()"/> (as the catalogue stores it) back into pieces, words joined by
    /// single spaces.
    /// </summary>
    public static TextDiff Parse(string rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var pieces = new DiffPieceBuilder();
        var at = 0;
        foreach (Match mark in Marks().Matches(rendered))
        {
            AddWords(pieces, DiffPieceKind.Unchanged, rendered[at..mark.Index]);
            var deleted = mark.Groups["deleted"];
            AddWords(pieces, deleted.Success ? DiffPieceKind.Deleted : DiffPieceKind.Inserted, deleted.Success ? deleted.Value : mark.Groups["inserted"].Value);
            at = mark.Index + mark.Length;
        }

        AddWords(pieces, DiffPieceKind.Unchanged, rendered[at..]);
        return new TextDiff(pieces.Build());
    }

    /// <summary>Whether a piece is written straight after the one before it, with no space: an insertion that replaces the deletion just before it.</summary>
    public static bool JoinsPrevious(IReadOnlyList<DiffPiece> pieces, int index) =>
        index > 0 && pieces[index].Kind == DiffPieceKind.Inserted && pieces[index - 1].Kind == DiffPieceKind.Deleted;

    /// <summary>The whole text with changes marked: <c>kept [-deleted words-]{+inserted words+} kept</c>.</summary>
    public string Render() => Render(int.MaxValue);

    /// <summary>
    /// The changes marked as in <see cref="Render()"/>, with at most <paramref name="context"/> unchanged words kept
    /// either side of each change and longer unchanged stretches shortened to "…".
    /// </summary>
    public string Render(int context)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < Pieces.Count; i++)
        {
            var piece = Pieces[i];
            var text = piece.Kind switch
            {
                DiffPieceKind.Deleted => $"[-{piece.Text}-]",
                DiffPieceKind.Inserted => $"{{+{piece.Text}+}}",
                _ => Shorten(piece.Text, context, keepStart: i > 0, keepEnd: i < Pieces.Count - 1),
            };
            if (builder.Length > 0 && text.Length > 0 && !JoinsPrevious(Pieces, i))
            {
                builder.Append(' ');
            }

            builder.Append(text);
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Render(8);

    private static string Shorten(string text, int context, bool keepStart, bool keepEnd)
    {
        var words = text.Split(' ');
        var keep = (keepStart ? context : 0) + (keepEnd ? context : 0);
        if (context == int.MaxValue || words.Length <= keep + 1)
        {
            return text;
        }

        var head = keepStart ? string.Join(' ', words.Take(context)) + " " : "";
        var tail = keepEnd ? " " + string.Join(' ', words.TakeLast(context)) : "";
        return $"{head}\u2026{tail}";
    }

    private static string[] Words(string text) => TextNormalizer.Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void AddWords(DiffPieceBuilder pieces, DiffPieceKind kind, string text)
    {
        foreach (var word in Words(text))
            pieces.Add(kind, word);
    }

    [GeneratedRegex(@"\[-(?<deleted>.*?)-\]|\{\+(?<inserted>.*?)\+\}", RegexOptions.Singleline)]
    private static partial Regex Marks();
}
