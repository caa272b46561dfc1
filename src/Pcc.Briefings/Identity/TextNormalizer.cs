using System.Buffers;
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
        if (IsClean(text))
        {
            return text;
        }

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
        if (!IsPlain(text))
        {
            return FoldedWords(text);
        }

        var words = new string[PlainWords.Count(text)];
        var next = 0;
        foreach (var word in new PlainWords(text))
        {
            words[next++] = string.Create(PlainWords.FoldedLength(word), word, static (span, w) => PlainWords.Fold(w, span));
        }

        return words;
    }

    /// <summary>The words of <paramref name="text"/> joined by single spaces: the form headings and phrases are compared in.</summary>
    internal static string Phrase(string text)
    {
        if (!IsPlain(text))
        {
            return string.Join(' ', FoldedWords(text));
        }

        var length = PhraseLength(text);
        return length == 0 ? "" : string.Create(length, text, static (span, t) => TryWritePhrase(t, span));
    }

    /// <summary>
    /// Writes <see cref="Phrase"/> of a text that <see cref="IsPlain"/> accepts into <paramref name="destination"/>;
    /// returns its length, or -1 as soon as it turns out longer than <paramref name="destination"/>.
    /// </summary>
    internal static int TryWritePhrase(ReadOnlySpan<char> plainText, Span<char> destination)
    {
        var next = 0;
        foreach (var word in new PlainWords(plainText))
        {
            var separator = next > 0 ? 1 : 0;
            if (next + separator + PlainWords.FoldedLength(word) > destination.Length)
            {
                return -1;
            }

            if (separator > 0)
            {
                destination[next++] = ' ';
            }

            next += PlainWords.Fold(word, destination[next..]);
        }

        return next;
    }

    /// <summary>
    /// True when every character of <paramref name="text"/> is ASCII or a typographic mark whose canonical, folded
    /// form is known (<see cref="PlainWords"/>): then words need no Unicode normalization.
    /// </summary>
    internal static bool IsPlain(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(s_plain);

    // ASCII, and the typographic marks that only change into a quote or hyphen (or "TM") when folded.
    private static readonly SearchValues<char> s_plain = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 128).Select(c => (char)c)) +
        "\u00A0\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u00AB\u00BB\u2010\u2011\u2012\u2013\u2014\u2015\u2212" +
        "\u00AE\u00A3\u00A9\u2022\u00B7\u2026\u00A7\u00B6\u00B0\u20AC\u2122");

    // Characters Clean drops or turns into a space; any of them means the text is not clean already. Listed by Clean's
    // own tests of each character, so the two cannot disagree.
    private static readonly SearchValues<char> s_notClean = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x10000).Select(c => (char)c)
            .Where(c => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' || ((char.IsWhiteSpace(c) || char.IsControl(c)) && c != ' '))));

    /// <summary>True when <see cref="Clean"/> would return the text unchanged: single spaces between visible characters only.</summary>
    private static bool IsClean(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        return text[0] != ' ' && text[^1] != ' ' && !text.AsSpan().ContainsAny(s_notClean) && !text.Contains("  ", StringComparison.Ordinal);
    }

    private static int PhraseLength(string text)
    {
        var length = -1;
        foreach (var word in new PlainWords(text))
        {
            length += 1 + PlainWords.FoldedLength(word);
        }

        return Math.Max(0, length);
    }

    private static string[] FoldedWords(string text)
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
