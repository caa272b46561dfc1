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
    private readonly HashSet<string> _vocabulary;

    private LineJoiner(HashSet<string> vocabulary) => _vocabulary = vocabulary;

    /// <summary>Learns how the document spells its words from every line but the broken ends.</summary>
    public static LineJoiner For(IEnumerable<TextUnit> units)
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

        return new LineJoiner(vocabulary);
    }

    public JoinedText Join(IReadOnlyList<UnitLine> lines)
    {
        var builder = new StringBuilder();
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

        return new JoinedText(builder.ToString(), starts, lines.Select(l => l.Location).ToArray());
    }

    private static bool IsBrokenWord(StringBuilder before, string next) =>
        before.Length >= 2 && before[^1] == '-' && char.IsLetterOrDigit(before[^2]) && char.IsLetterOrDigit(next[0]);

    private bool KeepsHyphen(StringBuilder before, string next)
    {
        if (char.IsUpper(next[0]))
        {
            return true;
        }

        var end = before.ToString();
        var left = Word(end[(end.LastIndexOf(' ') + 1)..^1]);
        var firstSpace = next.IndexOf(' ');
        var right = Word(firstSpace < 0 ? next : next[..firstSpace]);
        if (_vocabulary.Contains($"{left}-{right}"))
        {
            return true;
        }

        return !_vocabulary.Contains(left + right);
    }

    private static string Word(string token) =>
        token.Trim().Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '\u2018', '\u2019', '\u201C', '\u201D', '*').ToLowerInvariant();
}
