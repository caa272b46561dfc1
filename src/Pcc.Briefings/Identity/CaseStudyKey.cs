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

    /// <summary>The key for a case study of <paramref name="themeSlug"/> whose text is <paramref name="text"/>.</summary>
    public static string Create(string themeSlug, string text)
    {
        var words = TextNormalizer.Words(text)
            .Where(w => !s_stopWords.Contains(w) && w.All(char.IsAsciiLetterOrDigit))
            .Take(WordCount)
            .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w);
        var slug = IsValid(themeSlug) ? themeSlug : Slug.From(themeSlug);
        return string.Join('-', new[] { slug.Length == 0 ? "theme" : slug }.Concat(words));
    }

    /// <summary>True when <paramref name="key"/> has the shape of a case-study key.</summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 200 && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && key[0] != '-' && key[^1] != '-';
}
