namespace Pcc.Catalogue.Search;

/// <summary>Marks the words of a text that a search matched, and cuts an excerpt around the first match.</summary>
public static class Highlighter
{
    /// <summary>
    /// The runs of <paramref name="text"/> with every word that starts with one of <paramref name="words"/> (folded)
    /// marked; when the text is longer than <paramref name="maxLength"/>, an excerpt of about that length around the
    /// first match, with "…" where it was cut.
    /// </summary>
    public static IReadOnlyList<TextRun> Runs(string text, IReadOnlyList<string> words, int maxLength = int.MaxValue)
    {
        var folded = FoldedText.Of(text, keepPositions: true);
        var marks = new List<(int Start, int End)>();
        for (var i = 0; i < folded.Text.Length; i++)
        {
            if (!char.IsLetterOrDigit(folded.Text[i]) || (i > 0 && char.IsLetterOrDigit(folded.Text[i - 1])))
            {
                continue;
            }

            var end = i;
            while (end < folded.Text.Length && char.IsLetterOrDigit(folded.Text[end]))
            {
                end++;
            }

            if (StartsWithAny(folded.Text.AsSpan(i, end - i), words))
            {
                marks.Add((folded.OriginalIndex(i), folded.OriginalIndex(end - 1) + 1));
            }

            i = end - 1;
        }

        var (from, to) = Window(text, marks, maxLength);
        var runs = new List<TextRun>();
        if (from > 0)
        {
            runs.Add(new TextRun("…", false));
        }

        var at = from;
        foreach (var (start, end) in marks.Where(m => m.Start >= from && m.End <= to))
        {
            if (start > at)
            {
                runs.Add(new TextRun(text[at..start], false));
            }

            runs.Add(new TextRun(text[start..end], true));
            at = end;
        }

        if (to > at)
        {
            runs.Add(new TextRun(text[at..to], false));
        }

        if (to < text.Length)
        {
            runs.Add(new TextRun("…", false));
        }

        return runs;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> word, IReadOnlyList<string> words)
    {
        foreach (var w in words)
        {
            if (word.StartsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Starts a little before the first match, on a word boundary, and ends on one.
    private static (int From, int To) Window(string text, List<(int Start, int End)> marks, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return (0, text.Length);
        }

        var from = marks.Count == 0 ? 0 : Math.Max(0, marks[0].Start - (maxLength / 4));
        if (from > 0)
        {
            var space = text.IndexOf(' ', from);
            from = space >= 0 && space < marks[0].Start ? space + 1 : marks[0].Start;
        }

        var to = Math.Min(text.Length, from + maxLength);
        if (to < text.Length)
        {
            var space = text.LastIndexOf(' ', to);
            to = space > from ? space : to;
        }

        return (from, to);
    }
}
