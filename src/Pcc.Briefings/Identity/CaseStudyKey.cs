using System.Text;

namespace Pcc.Briefings.Identity;

/// <summary>
/// Makes the stable key of a case study: its theme slug and the first distinctive words of its text,
/// e.g. <c>covid-recovery-warwickshire-set-fund-initiatives</c>. Numbers, wrapping, typography and edits
/// after the opening words do not change it; the comparer carries a key over when an edit does.
/// Keys use only lower-case letters, digits and hyphens, so they are safe in URLs and as Table storage keys.
/// </summary>
public static class CaseStudyKey
{
    /// <summary>How many distinctive words a key takes from the text.</summary>
    public const int WordCount = 4;

    private const int MaxWordLength = 16;

    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "in", "on", "of", "for", "to", "and", "or", "by", "at", "with", "from", "into", "as", "up",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "its", "it", "this", "that", "these", "those",
        "which", "who", "whom", "their", "there", "also", "such", "both", "all", "one", "pcc", "pccs",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_stopWordLookup = s_stopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The key for a case study of <paramref name="themeSlug"/> whose text is <paramref name="text"/>.</summary>
    public static string Create(string themeSlug, string text)
    {
        var slug = IsValid(themeSlug) ? themeSlug : Slug.From(themeSlug);
        var key = new StringBuilder(slug.Length == 0 ? "theme" : slug, slug.Length + WordCount * (MaxWordLength + 1));
        if (!TextNormalizer.IsPlain(text))
        {
            foreach (var word in TextNormalizer.Words(text).Where(w => !s_stopWords.Contains(w) && w.All(char.IsAsciiLetterOrDigit)).Take(WordCount))
            {
                key.Append('-').Append(word.AsSpan(0, Math.Min(word.Length, MaxWordLength)));
            }

            return key.ToString();
        }

        // Plain text (most briefings): the words are read only as far as the key needs, and folded on the stack.
        var taken = 0;
        Span<char> buffer = stackalloc char[256];
        foreach (var word in new PlainWords(text))
        {
            var folded = PlainWords.FoldedLength(word) <= buffer.Length ? buffer : new char[PlainWords.FoldedLength(word)];
            folded = folded[..PlainWords.Fold(word, folded)];
            if (s_stopWordLookup.Contains(folded))
            {
                continue;
            }

            key.Append('-').Append(folded[..Math.Min(folded.Length, MaxWordLength)]);
            if (++taken == WordCount)
            {
                break;
            }
        }

        return key.ToString();
    }

    /// <summary>True when <paramref name="key"/> has the shape of a case-study key.</summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 200 && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && key[0] != '-' && key[^1] != '-';
}
