using System.Diagnostics.CodeAnalysis;

namespace Pcc.Briefings.Identity;

/// <summary>
/// Looks a text up by its phrase (<see cref="TextNormalizer.Phrase"/>) in a set or dictionary keyed by phrases with
/// <see cref="StringComparer.Ordinal"/>. A plain text's phrase is built on the stack, and only as far as the longest
/// key: most lines are looked up only to find they are not a heading, and stop there.
/// </summary>
internal static class PhraseLookup
{
    // Keys are headings; a taxonomy with longer ones is looked up through strings.
    private const int MaxStackChars = 512;

    public static bool TryGetValue<TValue>(Dictionary<string, TValue> byPhrase, int longestKey, string text, [MaybeNullWhen(false)] out TValue value)
    {
        if (longestKey >= MaxStackChars || !TextNormalizer.IsPlain(text))
        {
            return byPhrase.TryGetValue(TextNormalizer.Phrase(text), out value);
        }

        Span<char> buffer = stackalloc char[longestKey];
        var length = TextNormalizer.TryWritePhrase(text, buffer);
        value = default;
        return length >= 0 && byPhrase.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer[..length], out value);
    }

    public static bool Contains(HashSet<string> phrases, int longestKey, string text)
    {
        if (longestKey >= MaxStackChars || !TextNormalizer.IsPlain(text))
        {
            return phrases.Contains(TextNormalizer.Phrase(text));
        }

        Span<char> buffer = stackalloc char[longestKey];
        var length = TextNormalizer.TryWritePhrase(text, buffer);
        return length >= 0 && phrases.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buffer[..length]);
    }
}
