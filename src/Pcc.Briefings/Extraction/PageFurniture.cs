using System.Text.RegularExpressions;
using Pcc.Briefings.Identity;
using Pcc.Briefings.Reading;
using Pcc.Briefings.Themes;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// Removes what page layout leaves in extracted text: running headers and footers (a short line repeated on
/// several pages), page numbers, and stray glyph lines such as "e" or "&amp;" left by icons.
/// </summary>
internal static partial class PageFurniture
{
    private const int MaxRunningHeaderLength = 100;

    /// <summary>Drops furniture from <paramref name="units"/> and returns the running header, which is often the document's title.</summary>
    public static string? Remove(List<TextUnit> units, ThemeTaxonomy taxonomy)
    {
        var running = FindRunningHeaders(units, taxonomy);
        var longest = running.Count == 0 ? 0 : running.Keys.Max(k => k.Length);
        foreach (var unit in units)
        {
            var standalone = unit.Lines.Count == 1;
            var kept = 0;
            for (var i = 0; i < unit.Lines.Count; i++)
            {
                var line = unit.Lines[i];
                if (!IsGlyphLine(line.Text, standalone) && !IsRunning(line, standalone, running, longest))
                {
                    unit.Lines[kept++] = line;
                }
            }

            unit.Lines.RemoveRange(kept, unit.Lines.Count - kept);
            if (unit.Lines.Count == 1 && PageNumber().IsMatch(unit.Lines[0].Text))
            {
                unit.Lines.Clear();
            }
        }

        units.RemoveAll(u => u.Lines.Count == 0);
        return running.Where(r => !r.Key.StartsWith('#')).OrderByDescending(r => r.Value.Count).Select(r => r.Value.Text).FirstOrDefault();
    }

    /// <summary>
    /// A line with no letters or digits, or a lone character (two on a line of its own) that no sentence ends with.
    /// Inside a paragraph a two-letter line can be a wrapped word, so only single characters go there.
    /// </summary>
    public static bool IsGlyphLine(string line, bool standalone)
    {
        var text = line.AsSpan().Trim();
        if (!HasLetterOrDigit(text))
        {
            return true;
        }

        // "a" and "I" are words a paragraph can wrap onto a line of their own.
        return text.Length <= (standalone ? 2 : 1) && !HasDigit(text) && (standalone || text is not ("a" or "A" or "I"));
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRunning(UnitLine line, bool standalone, Dictionary<string, (string Text, int Count)> running, int longestKey) =>
        running.Count > 0 && (PhraseLookup.TryGetValue(running, longestKey, HeadingText.Clean(line.Text), out _)
            || (standalone && line.Location.Page is not null && running.ContainsKey(Masked(line.Text))));

    private static Dictionary<string, (string Text, int Count)> FindRunningHeaders(List<TextUnit> units, ThemeTaxonomy taxonomy)
    {
        var counts = new Dictionary<string, (string Text, int Count)>(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => u.Lines.Count == 1))
        {
            var text = HeadingText.Clean(unit.Lines[0].Text);
            if (text.Length is < 3 or > MaxRunningHeaderLength || !HeadingShape.IsHeadingLike(text)
                || taxonomy.Match(text) is not null || SectionMarkers.IsCaseStudiesHeading(text) || CaseStudyLabels.StartsWithLabel(text))
            {
                continue;
            }

            var phrase = Phrase(text);
            counts[phrase] = counts.TryGetValue(phrase, out var seen) ? (seen.Text, seen.Count + 1) : (text, 1);
        }

        // On paged documents the first and last line of each page are also compared with their numbers masked: a
        // running footer "briefing.html 3/11" changes only its page number. A body line that merely starts with a
        // number is never repeated on other pages, so it stays.
        foreach (var edge in PageEdges(units))
        {
            var masked = Masked(edge);
            counts[masked] = counts.TryGetValue(masked, out var seen) ? (seen.Text, seen.Count + 1) : (HeadingText.Clean(edge), 1);
        }

        var pages = units.Select(u => u.Location.Page).Distinct().Count();
        return counts.Where(c => c.Value.Count >= 2 && (!c.Key.StartsWith('#') || c.Value.Count >= Math.Max(2, pages / 2)))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    private static IEnumerable<string> PageEdges(List<TextUnit> units)
    {
        foreach (var page in units.Where(u => u.Location.Page is not null).GroupBy(u => u.Location.Page))
        {
            var onPage = page.ToList();
            foreach (var unit in new[] { onPage[0], onPage[^1] }.Distinct())
            {
                if (unit.Lines.Count == 1 && unit.Lines[0].Text.Length <= MaxRunningHeaderLength && !CaseStudyLabels.StartsWithLabel(unit.Lines[0].Text))
                    yield return unit.Lines[0].Text;
            }
        }
    }

    /// <summary>A line's words with every number masked, marked apart from plain phrases by a leading '#'.</summary>
    private static string Masked(string text) => "#" + Digits().Replace(Phrase(text), "0");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private static string Phrase(string text) => TextNormalizer.Phrase(HeadingText.Clean(text));

    [GeneratedRegex(@"^\s*(page\s+)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
