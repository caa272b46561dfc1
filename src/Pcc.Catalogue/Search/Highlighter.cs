namespace Pcc.Catalogue.Search;

/// <summary>
/// Marks the words of a text that a search matched, and cuts an excerpt around the first match. By hand rather than
/// Lucene's highlighter, which returns marked-up strings: the page builds its HTML from the runs and encodes every one.
/// </summary>
public static class Highlighter
{
    /// <summary>
    /// The runs of <paramref name="text"/> with every word <paramref name="terms"/> match marked (read as the index reads
    /// them, so "re-offending" is marked for "offenders"; a synonym phrase as one run); when the text is longer than
    /// <paramref name="maxLength"/>, an excerpt of about that length around the first match, with "…" where it was cut.
    /// </summary>
    public static IReadOnlyList<TextRun> Runs(string text, SearchTerms terms, int maxLength = int.MaxValue)
    {
        var analyzed = new List<AnalyzedTerm>();
        int? first = null;
        foreach (var term in SearchAnalyzer.Instance.Read(text))
        {
            // Past the first match's excerpt nothing is shown: reading the rest of a long text would only cost time.
            if (first is { } start && term.Start - start > maxLength)
            {
                break;
            }

            analyzed.Add(term);
            first ??= terms.MatchAt(analyzed, analyzed.Count - 1) > 0 ? term.Start : null;
        }

        var marks = new List<(int Start, int End)>();
        for (var i = 0; i < analyzed.Count; i++)
        {
            var length = terms.MatchAt(analyzed, i);
            if (length > 0)
            {
                marks.Add((analyzed[i].Start, analyzed[i + length - 1].End));
                i += length - 1;
            }
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
