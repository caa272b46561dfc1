using System.Globalization;
using System.Text;

namespace Pcc.Catalogue.Search;

/// <summary>
/// Text folded for matching: lower case, accents removed, so "Café" and "cafe" are the same. Each folded character
/// remembers where it came from, so a match in the folded text is a range of the original text.
/// </summary>
public sealed class FoldedText
{
    private FoldedText(string text, int[]? origins)
    {
        Text = text;
        _origins = origins;
    }

    private readonly int[]? _origins;

    /// <summary>The folded text.</summary>
    public string Text { get; }

    /// <summary>Folds <paramref name="text"/>, keeping positions only when <paramref name="keepPositions"/> (for highlighting).</summary>
    public static FoldedText Of(string text, bool keepPositions = false)
    {
        var folded = new StringBuilder(text.Length);
        var origins = keepPositions ? new List<int>(text.Length) : null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128)
            {
                // ASCII: the common case, no decomposition needed.
                folded.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                origins?.Add(i);
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // Beyond the Basic Multilingual Plane (an emoji) there is nothing to fold, and a lone half of a pair
                // cannot be normalized at all: both are kept as they are, and are never part of a word.
                folded.Append(c);
                origins?.Add(i);
                continue;
            }

            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    folded.Append(char.ToLowerInvariant(d));
                    origins?.Add(i);
                }
            }
        }

        return new FoldedText(folded.ToString(), origins?.ToArray());
    }

    /// <summary>The position in the original text of folded position <paramref name="index"/>.</summary>
    public int OriginalIndex(int index) =>
        _origins is null ? throw new InvalidOperationException("Positions were not kept.") : _origins[index];

    /// <summary>
    /// The search words of a query: runs of letters and digits, folded, without duplicates, at most
    /// <paramref name="limit"/> of them.
    /// </summary>
    public static IReadOnlyList<string> Words(string? query, int limit = 12)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        return [.. WordsIn(Of(query).Text).Distinct(StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>The runs of letters and digits in an already folded text, in order, repeats included.</summary>
    public static IEnumerable<string> WordsIn(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }
}
