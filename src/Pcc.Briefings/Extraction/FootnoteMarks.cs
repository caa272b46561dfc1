using System.Text;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Removes footnote reference marks that reach the text as glyphs glued to a word or sentence end (a PDF's marks
/// after text extraction: "naloxone.”® Durham", "organisations.”” The plan", "children*."): closing quotes with no
/// opening quote pending in the paragraph, stray straight quotes, ®, ™, *, † and superscript digits. Quotes that close
/// an opened quotation, apostrophes and the words themselves stay.
/// </summary>
internal static class FootnoteMarks
{
    /// <summary>Removes the marks from every line of <paramref name="units"/>; returns how many marks (runs of mark glyphs) went.</summary>
    public static int Remove(IEnumerable<TextUnit> units)
    {
        var removed = 0;
        foreach (var unit in units)
        {
            var quotes = new QuoteState();
            for (var i = 0; i < unit.Lines.Count; i++)
            {
                var (text, count) = Clean(unit.Lines[i].Text, quotes);
                if (count > 0)
                {
                    unit.Lines[i] = unit.Lines[i] with { Text = text };
                    removed += count;
                }
            }
        }

        return removed;
    }

    /// <summary>Cleans one paragraph's text on its own (for tests and single strings).</summary>
    public static (string Text, int Removed) Clean(string text) => Clean(text, new QuoteState());

    private static (string Text, int Removed) Clean(string text, QuoteState quotes)
    {
        StringBuilder? result = null;
        var removed = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var glued = i > 0 && !char.IsWhiteSpace(text[i - 1]);
            if (c == '\u201C')
                quotes.Curly++;
            else if (c == '"' && !glued)
                quotes.Straight++;

            if (!glued || !IsMarkCandidate(c) || !EndsRun(text, i))
            {
                if (c == '\u201D' && glued && quotes.Curly > 0)
                    quotes.Curly--;
                else if (c == '"' && glued && quotes.Straight > 0)
                    quotes.Straight--;
                result?.Append(c);
                continue;
            }

            // A run of mark glyphs: each is a mark unless it closes a pending quotation.
            var start = i;
            var kept = new StringBuilder();
            var dropped = false;
            for (; i < text.Length && IsMarkCandidate(text[i]); i++)
            {
                var mark = text[i];
                if (mark == '\u201D' && quotes.Curly > 0)
                {
                    quotes.Curly--;
                    kept.Append(mark);
                }
                else if (mark == '"' && quotes.Straight > 0)
                {
                    quotes.Straight--;
                    kept.Append(mark);
                }
                else
                {
                    dropped = true;
                }
            }

            i--;
            if (!dropped)
            {
                result?.Append(text, start, i - start + 1);
                continue;
            }

            result ??= new StringBuilder(text, 0, start, text.Length);
            result.Append(kept);
            removed++;
        }

        return (result?.ToString() ?? text, removed);
    }

    private static bool IsMarkCandidate(char c) =>
        c is '\u201D' or '"' or '\u00AE' or '\u2122' or '*' or '\u2020' or '\u2021' or '\u00B9' or '\u00B2' or '\u00B3' or (>= '\u2070' and <= '\u2079');

    /// <summary>The run of mark glyphs starting at <paramref name="start"/> ends the word: a space, punctuation or the end follows.</summary>
    private static bool EndsRun(string text, int start)
    {
        var end = start;
        while (end < text.Length && IsMarkCandidate(text[end]))
            end++;
        return end == text.Length || char.IsWhiteSpace(text[end]) || text[end] is '.' or ',' or ';' or ':' or ')' or '-' or '\u2013' or '\u2014';
    }

    private sealed class QuoteState
    {
        public int Curly { get; set; }

        public int Straight { get; set; }
    }
}
