using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pcc.Briefings.Identity;

/// <summary>
/// The forms of a text the product compares. Typographic variation (curly or straight quotes, dash styles,
/// non-breaking spaces, soft hyphens, line wrapping, hyphens inside words) never counts as a difference.
/// </summary>
public static partial class TextNormalizer
{
    /// <summary>Collapses all whitespace to single spaces and removes invisible characters; keeps the characters readers see.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The text with typographic variants replaced by plain ones: straight quotes, hyphen-minus, compatibility forms folded.</summary>
    public static string Canonical(string text)
    {
        var clean = Clean(text).Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(clean.Length);
        foreach (var c in clean)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text as a sequence of tokens for deciding whether two versions say the same thing: whitespace-separated,
    /// canonical, with hyphens between letters removed so "re-offending" and "reoffending" compare equal.
    /// </summary>
    public static IReadOnlyList<string> ComparisonTokens(string text) =>
        Canonical(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ComparisonToken).ToArray();

    /// <summary>The comparison form of one whitespace-free token.</summary>
    public static string ComparisonToken(string token) => InnerHyphen().Replace(Canonical(token), "");

    /// <summary>
    /// Lower-case words of letters and digits with accents removed: apostrophes and hyphens inside words vanish
    /// ("UK’s" → "uks", "Covid-19" → "covid19"), other punctuation separates words.
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var canonical = InnerJoiner().Replace(Canonical(text), "");
        var folded = RemoveDiacritics(canonical).ToLowerInvariant();
        return NonWord().Split(folded).Where(w => w.Length > 0).ToArray();
    }

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"(?<=\p{L})-(?=\p{L})")]
    private static partial Regex InnerHyphen();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])['-](?=[\p{L}\p{N}])")]
    private static partial Regex InnerJoiner();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
