using System.Text.RegularExpressions;

namespace Pcc.Functions.Pages;

/// <summary>What a piece of a word-level diff is.</summary>
public enum DiffPieceKind
{
    /// <summary>Text in both versions.</summary>
    Kept,

    /// <summary>Text only in the earlier version.</summary>
    Deleted,

    /// <summary>Text only in the later version.</summary>
    Inserted,
}

/// <summary>
/// One piece of a word-level diff. The catalogue stores a diff as <c>kept [-deleted-]{+inserted+} kept</c>;
/// <see cref="Parse"/> turns it into pieces that pages show as text in <c>&lt;del&gt;</c> and <c>&lt;ins&gt;</c>.
/// </summary>
public sealed partial record DiffPiece(DiffPieceKind Kind, string Text)
{
    /// <summary>The pieces of <paramref name="diff"/>, in order; empty kept text is left out.</summary>
    public static IReadOnlyList<DiffPiece> Parse(string diff)
    {
        var pieces = new List<DiffPiece>();
        var at = 0;
        foreach (Match m in Marks().Matches(diff))
        {
            Kept(diff[at..m.Index]);
            pieces.Add(m.Groups["deleted"].Success
                ? new DiffPiece(DiffPieceKind.Deleted, m.Groups["deleted"].Value)
                : new DiffPiece(DiffPieceKind.Inserted, m.Groups["inserted"].Value));
            at = m.Index + m.Length;
        }

        Kept(diff[at..]);
        return pieces;

        void Kept(string text)
        {
            if (text.Length > 0)
            {
                pieces.Add(new DiffPiece(DiffPieceKind.Kept, text));
            }
        }
    }

    [GeneratedRegex(@"\[-(?<deleted>.*?)-\]|\{\+(?<inserted>.*?)\+\}", RegexOptions.Singleline)]
    private static partial Regex Marks();
}
