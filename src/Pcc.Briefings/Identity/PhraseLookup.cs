using System.Diagnostics.CodeAnalysis;

namespace Pcc.Briefings.Identity;

/// <summary>
/// Looks a text up by its phrase (<see cref="TextNormalizer.Phrase"/>) in a set or dictionary keyed by phrases with
/// <see cref="StringComparer.Ordinal"/>; a short plain text's phrase is built on the stack, not as a string.
/// </summary>
internal static class PhraseLookup
{
    // Headings and lines are short; a longer phrase falls back to a string.
    private const int StackChars = 256;

    public static bool TryGetValue<TValue>(Dictionary<string, TValue> byPhrase, string text, [MaybeNullWhen(false)] out TValue value)
    {
        Span<char> buffer = stackalloc char[StackChars];
        return TextNormalizer.TryWritePhrase(text, buffer, out var length)
            ? byPhrase.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer[..length], out value)
            : byPhrase.TryGetValue(TextNormalizer.Phrase(text), out value);
    }

    public static bool Contains(HashSet<string> phrases, string text)
    {
        Span<char> buffer = stackalloc char[StackChars];
        return TextNormalizer.TryWritePhrase(text, buffer, out var length)
            ? phrases.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buffer[..length])
            : phrases.Contains(TextNormalizer.Phrase(text));
    }
}
