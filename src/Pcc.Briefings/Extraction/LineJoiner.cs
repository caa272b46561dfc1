using System.Text;
using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Joins wrapped lines into running text. A word broken by a hyphen at a line end is mended: the hyphen stays when
/// the document elsewhere writes the word with one ("re-offending", and by default compounds such as
/// "trauma-informed", and always before a capital: "Dyfed-Powys"), and goes when the document elsewhere writes it
/// without ("reoffending").
/// </summary>
internal sealed class LineJoiner
{
    private static readonly char[] s_wordPunctuation = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '\u2018', '\u2019', '\u201C', '\u201D', '*'];

    /// <summary>Searches through the lines before the document's words are listed once instead (a long PDF breaks many words).</summary>
    private const int SearchesBeforeListing = 16;

    private readonly IReadOnlyList<TextUnit> _units;
    private readonly StringBuilder _builder = new();
    private HashSet<string>? _vocabulary;
    private int _searches;

    private LineJoiner(IReadOnlyList<TextUnit> units) => _units = units;

    /// <summary>A joiner that looks up how the document spells its words in every line of <paramref name="units"/> but the broken ends.</summary>
    public static LineJoiner For(IReadOnlyList<TextUnit> units) => new(units);

    public JoinedText Join(IReadOnlyList<UnitLine> lines)
    {
        if (lines.Count == 1)
        {
            return new JoinedText(TextNormalizer.Clean(lines[0].Text), [0], lines);
        }

        var builder = _builder.Clear();
        var starts = new List<int>(lines.Count);
        foreach (var line in lines)
        {
            var text = TextNormalizer.Clean(line.Text);
            if (builder.Length > 0 && text.Length > 0)
            {
                if (IsBrokenWord(builder, text))
                {
                    if (!KeepsHyphen(builder, text))
                    {
                        builder.Length--;
                    }
                }
                else
                {
                    builder.Append(' ');
                }
            }

            starts.Add(builder.Length);
            builder.Append(text);
        }

        return new JoinedText(builder.ToString(), starts, lines);
    }

    private static bool IsBrokenWord(StringBuilder before, string next) =>
        before.Length >= 2 && before[^1] == '-' && char.IsLetterOrDigit(before[^2]) && char.IsLetterOrDigit(next[0]);

    private bool KeepsHyphen(StringBuilder before, string next)
    {
        if (char.IsUpper(next[0]))
        {
            return true;
        }

        var wordStart = before.Length - 1;
        while (wordStart > 0 && before[wordStart - 1] != ' ')
        {
            wordStart--;
        }

        var left = Word(before.ToString(wordStart, before.Length - 1 - wordStart));
        var firstSpace = next.IndexOf(' ');
        var right = Word(firstSpace < 0 ? next : next[..firstSpace]);
        if (Writes($"{left}-{right}"))
        {
            return true;
        }

        return !Writes(left + right);
    }

    /// <summary>Whether a line of the document has a word that <see cref="Word"/> turns into <paramref name="word"/>, other than a broken end.</summary>
    /// <remarks>Searched for rather than listed while broken words are few: a list of every word costs far more than a few searches.</remarks>
    private bool Writes(string word)
    {
        if (_vocabulary is not null || ++_searches > SearchesBeforeListing)
        {
            _vocabulary ??= Vocabulary(_units);
            return _vocabulary.Contains(word);
        }

        foreach (var unit in _units)
        {
            foreach (var line in unit.Lines)
            {
                if (LineWrites(line.Text, word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool LineWrites(string line, string word)
    {
        // Lower-casing keeps every character's place and changes no space or punctuation, so the line's words can be
        // found and trimmed in its lower-case copy.
        var lower = line.Length <= 256 ? stackalloc char[line.Length] : new char[line.Length];
        line.AsSpan().ToLowerInvariant(lower);
        for (var at = lower.IndexOf(word); at >= 0; at = NextIndexOf(lower, word, at + 1))
        {
            var start = lower[..at].LastIndexOf(' ') + 1;
            var length = lower[at..].IndexOf(' ') is var space and >= 0 ? at + space - start : lower.Length - start;
            var isLast = lower[(start + length)..].TrimStart(' ').IsEmpty;
            if (WordSpan(lower.Slice(start, length)).SequenceEqual(word) && !(isLast && word.EndsWith('-')))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextIndexOf(ReadOnlySpan<char> text, string value, int from) =>
        text[from..].IndexOf(value) is var found and >= 0 ? from + found : -1;

    private static HashSet<string> Vocabulary(IEnumerable<TextUnit> units)
    {
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in units.SelectMany(u => u.Lines))
        {
            var tokens = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < tokens.Length; i++)
            {
                var word = Word(tokens[i]);
                if (word.Length > 0 && !(i == tokens.Length - 1 && word.EndsWith('-')))
                {
                    vocabulary.Add(word);
                }
            }
        }

        return vocabulary;
    }

    private static ReadOnlySpan<char> WordSpan(ReadOnlySpan<char> token) => token.Trim().Trim(s_wordPunctuation);

    private static string Word(string token) => WordSpan(token).ToString().ToLowerInvariant();
}
