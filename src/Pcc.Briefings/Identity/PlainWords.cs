namespace Pcc.Briefings.Identity;

/// <summary>
/// The words of a text that <see cref="TextNormalizer.IsPlain"/> accepts, found in one pass without building the
/// canonical and folded copies that <see cref="TextNormalizer.Words"/> needs for other text. Same result: a word is a
/// run of letters and digits, joined across an apostrophe or hyphen (curly, prime or dash forms included) between two
/// of them; "™" folds to "tm".
/// </summary>
internal ref struct PlainWords(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _end;

    /// <summary>The current word as it stands in the text, joiners included.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    public readonly PlainWords GetEnumerator() => this;

    public bool MoveNext()
    {
        var i = _end;
        while (i < _text.Length && !IsWordChar(_text[i]))
        {
            i++;
        }

        if (i == _text.Length)
        {
            return false;
        }

        var start = i;
        while (i < _text.Length && (IsWordChar(_text[i]) || (IsJoiner(_text[i]) && i + 1 < _text.Length && IsWordChar(_text[i + 1]))))
        {
            i++;
        }

        _end = i;
        Current = _text[start..i];
        return true;
    }

    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in new PlainWords(text))
        {
            count++;
        }

        return count;
    }

    // A word holds only letters, digits, "™" and the joiners between them.

    /// <summary>The length of <paramref name="word"/> folded: joiners dropped, "™" as two letters.</summary>
    public static int FoldedLength(ReadOnlySpan<char> word)
    {
        var length = 0;
        foreach (var c in word)
        {
            length += c == '\u2122' ? 2 : char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        }

        return length;
    }

    /// <summary>Writes <paramref name="word"/> folded (lower case, joiners dropped) into <paramref name="destination"/>; returns its length.</summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> destination)
    {
        var next = 0;
        foreach (var c in word)
        {
            if (c == '\u2122')
            {
                destination[next++] = 't';
                destination[next++] = 'm';
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                destination[next++] = char.ToLowerInvariant(c);
            }
        }

        return next;
    }

    // "™" is a letter pair once folded (NFKC gives "TM").
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '\u2122';

    // The characters that become an apostrophe or a hyphen in canonical form.
    private static bool IsJoiner(char c) =>
        c is '\'' or '-' or '`' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032'
            or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212';
}
