using System.Buffers;
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
                var (text, count) = Clean(unit.Lines[i].Text, ref quotes);
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
    public static (string Text, int Removed) Clean(string text)
    {
        var quotes = new QuoteState();
        return Clean(text, ref quotes);
    }

    private static (string Text, int Removed) Clean(string text, ref QuoteState quotes)
    {
        // Text before the first mark or opening quote changes nothing, and most lines have neither.
        var first = text.AsSpan().IndexOfAny(s_marksAndOpeningQuotes);
        if (first < 0)
        {
            return (text, 0);
        }

        StringBuilder? result = null;
        var removed = 0;
        for (var i = first; i < text.Length; i++)
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
            while (i < text.Length && IsMarkCandidate(text[i]))
                i++;
            var run = text.AsSpan(start, i - start);
            i--;
            var probe = quotes;
            if (!KeepClosingQuotes(run, ref probe, null))
            {
                quotes = probe;
                result?.Append(run);
                continue;
            }

            result ??= new StringBuilder(text, 0, start, text.Length);
            KeepClosingQuotes(run, ref quotes, result);
            removed++;
        }

        return (result?.ToString() ?? text, removed);
    }

    /// <summary>Appends the marks of <paramref name="run"/> that close a pending quotation to <paramref name="kept"/>; true when any other mark was dropped.</summary>
    private static bool KeepClosingQuotes(ReadOnlySpan<char> run, ref QuoteState quotes, StringBuilder? kept)
    {
        var dropped = false;
        foreach (var mark in run)
        {
            if (mark == '\u201D' && quotes.Curly > 0)
            {
                quotes.Curly--;
                kept?.Append(mark);
            }
            else if (mark == '"' && quotes.Straight > 0)
            {
                quotes.Straight--;
                kept?.Append(mark);
            }
            else
            {
                dropped = true;
            }
        }

        return dropped;
    }

    private static readonly SearchValues<char> s_marksAndOpeningQuotes = SearchValues.Create(
        "\u201C\u201D\"\u00AE\u2122*\u2020\u2021\u00B9\u00B2\u00B3\u2070\u2071\u2072\u2073\u2074\u2075\u2076\u2077\u2078\u2079");

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

    private struct QuoteState
    {
        public int Curly { get; set; }

        public int Straight { get; set; }
    }
}
