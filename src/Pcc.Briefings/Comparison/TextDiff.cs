using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DiffPlex;
using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Comparison;

/// <summary>
/// A word-level difference between two texts. Words are compared in their normal form, so quote style,
/// wrapping and hyphenation are never differences; the pieces show the words as each version writes them.
/// Stored and served as JSON, the array of its <see cref="Pieces"/> (<see cref="ToJson()"/>, <see cref="FromStored"/>).
/// </summary>
[JsonConverter(typeof(TextDiffJsonConverter))]
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

    /// <summary>A diff made of <paramref name="pieces"/> as they stand.</summary>
    public static TextDiff Of(IReadOnlyList<DiffPiece> pieces) => new(pieces);

    /// <summary>
    /// Reads a stored diff: the JSON that <see cref="ToJson()"/> writes or, from rows written before diffs were stored
    /// as pieces, the marked text of <see cref="Render()"/> (read with <see cref="Parse"/>).
    /// </summary>
    public static TextDiff FromStored(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        // Marked text opens with a word or "[-"; the JSON array with "[{" or is "[]".
        return stored.StartsWith('[') && !stored.StartsWith("[-", StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<TextDiff>(stored)!
            : Parse(stored);
    }

    /// <summary>The diff as stored: <c>[{"kind":"unchanged","text":"The pilot ran for"},{"kind":"deleted","text":"six"},…]</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>
    /// The stored JSON in at most <paramref name="maxChars"/> characters: the whole diff, or else its
    /// <see cref="Excerpt"/> of <paramref name="context"/> words around each change; null when even that is longer.
    /// </summary>
    public string? ToJson(int maxChars, int context = 8) =>
        new[] { this, Excerpt(context) }.Select(d => d.ToJson()).FirstOrDefault(json => json.Length <= maxChars);

    /// <summary>
    /// Reads the marked text of <see cref="Render()"/> back into pieces, words joined by single spaces. Words that
    /// themselves contain the marks cannot be told apart from them, which is why diffs are now stored as pieces.
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
    /// The same diff with at most <paramref name="context"/> unchanged words kept either side of each change and
    /// longer unchanged stretches shortened to "…".
    /// </summary>
    public TextDiff Excerpt(int context) => context == int.MaxValue
        ? this
        : new(Pieces.Select((p, i) => p.Kind == DiffPieceKind.Unchanged
            ? p with { Text = Shorten(p.Text, context, keepStart: i > 0, keepEnd: i < Pieces.Count - 1) }
            : p).ToArray());

    /// <summary>The changes marked as in <see cref="Render()"/>, in the <see cref="Excerpt"/> of <paramref name="context"/> words.</summary>
    public string Render(int context)
    {
        var pieces = Excerpt(context).Pieces;
        var builder = new StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var text = piece.Kind switch
            {
                DiffPieceKind.Deleted => $"[-{piece.Text}-]",
                DiffPieceKind.Inserted => $"{{+{piece.Text}+}}",
                _ => piece.Text,
            };
            if (builder.Length > 0 && text.Length > 0 && !JoinsPrevious(pieces, i))
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
        var keep = (keepStart ? (long)context : 0) + (keepEnd ? context : 0);
        if (words.Length <= keep + 1)
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
