using Pcc.Briefings.Comparison;

namespace Pcc.Notifications.Digests;

/// <summary>The part of a word-level diff a digest shows: each change with a few words of context around it.</summary>
internal static class DiffExcerpt
{
    /// <summary>The ellipsis marking words left out.</summary>
    public const string Gap = "\u2026";

    /// <summary>
    /// The pieces of <paramref name="item"/>'s diff to show (from its pieces, or else its two texts), unchanged stretches cut to <paramref name="context"/> words either side of a change, and
    /// at most <paramref name="maxChanges"/> changes; <c>more</c> counts the changes left out.
    /// </summary>
    public static (IReadOnlyList<DiffPiece> Pieces, int More) For(DigestChange item, int context, int maxChanges)
    {
        var pieces = PiecesOf(item);
        var shown = new List<DiffPiece>();
        var changes = 0;
        var more = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (piece.Kind == DiffPieceKind.Unchanged)
            {
                if (changes <= maxChanges)
                {
                    var cut = Cut(piece.Text, context, keepStart: i > 0, keepEnd: i < pieces.Count - 1 && changes < maxChanges);
                    shown.Add(piece with { Text = cut });
                }

                continue;
            }

            // A deletion directly followed by its insertion is one change (a replacement).
            var startsChange = piece.Kind == DiffPieceKind.Deleted || i == 0 || pieces[i - 1].Kind != DiffPieceKind.Deleted;
            if (startsChange)
            {
                changes++;
            }

            if (changes <= maxChanges)
            {
                shown.Add(piece);
            }
            else if (startsChange)
            {
                more++;
            }
        }

        return (shown, more);
    }

    private static IReadOnlyList<DiffPiece> PiecesOf(DigestChange item)
    {
        if (item.DiffPieces is { Count: > 0 } pieces)
        {
            return pieces;
        }

        return item.PreviousText is { } before ? TextDiff.Between(before, item.Text).Pieces : [];
    }

    private static string Cut(string text, int context, bool keepStart, bool keepEnd)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keep = (keepStart ? context : 0) + (keepEnd ? context : 0);
        if (words.Length <= keep + 1)
        {
            return string.Join(' ', words);
        }

        var head = keepStart ? string.Join(' ', words.Take(context)) + " " : "";
        var tail = keepEnd ? " " + string.Join(' ', words.TakeLast(context)) : "";
        return $"{head}{Gap}{tail}";
    }
}
