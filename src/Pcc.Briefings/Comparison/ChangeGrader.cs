using System.Text.RegularExpressions;
using DiffPlex;
using F23.StringSimilarity;
using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Comparison;

/// <summary>
/// Grades a changed case study as <see cref="ChangeGrade.Editorial"/> or <see cref="ChangeGrade.Substantive"/> by
/// <see cref="Rule"/>. The rule only ever errs towards substantive: a change it cannot explain as a correction is news.
/// </summary>
public static partial class ChangeGrader
{
    /// <summary>The rule, as the README and every ingest report state it.</summary>
    public const string Rule =
        "A change is editorial when the case study says the same once these are set aside: punctuation, capitals and spacing; " +
        "footnote marks; the order of the same words (a reflowed sentence); and spelling — a word respelled within one letter " +
        "(inserted, removed, replaced or two swapped), or two letters for words of seven letters or more, keeping its first letter, " +
        "or words joined or split (\"anti social\" → \"antisocial\"). Anything else is substantive: any figure, a number word, " +
        "a word added, removed or replaced by another, or a move to another theme. New and removed case studies are substantive. " +
        "An editor can mark a whole upload as editorial; its changed case studies are then editorial whatever the rule says.";

    private static readonly OptimalStringAlignment s_distance = new();

    // Respelling one of these changes a figure: "million" → "billion" is one letter and a different claim.
    private static readonly HashSet<string> s_numberWords = new(StringComparer.Ordinal)
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion", "half", "third", "quarter",
        "first", "second", "fourth", "fifth", "tenth", "percent", "double", "triple", "twice", "once", "none", "all", "most",
        "many", "more", "less", "fewer", "least",
    };

    /// <summary>Grades a change of one case study: a theme move is substantive, otherwise its texts decide.</summary>
    public static ChangeGrading Grade(CaseStudyChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.ThemeChanged
            ? new ChangeGrading(ChangeGrade.Substantive, $"theme ({change.Before.ThemeName} \u2192 {change.After.ThemeName})")
            : Grade(change.Before.Text, change.After.Text);
    }

    /// <summary>Grades the change of a text from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static ChangeGrading Grade(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (plainBefore, marksBefore) = WithoutFootnoteMarks(before);
        var (plainAfter, marksAfter) = WithoutFootnoteMarks(after);
        var reasons = new List<string>();
        if (marksBefore != marksAfter)
        {
            reasons.Add("footnote marks");
        }

        if (TextNormalizer.Clean(plainBefore) != TextNormalizer.Clean(plainAfter))
        {
            reasons.Add("punctuation, capitals or spacing");
        }

        var oldWords = TextNormalizer.Words(plainBefore);
        var newWords = TextNormalizer.Words(plainAfter);
        if (oldWords.SequenceEqual(newWords, StringComparer.Ordinal))
        {
            return Editorial(reasons.Count == 0 ? ["typography"] : reasons);
        }

        if (oldWords.Order(StringComparer.Ordinal).SequenceEqual(newWords.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return Editorial([.. reasons, "word order"]);
        }

        var respelled = new List<string>();
        var diff = new Differ().CreateCustomDiffs(string.Join('\n', oldWords), string.Join('\n', newWords), false, text => text.Length == 0 ? [] : text.Split('\n'));
        foreach (var block in diff.DiffBlocks)
        {
            var deleted = oldWords.Skip(block.DeleteStartA).Take(block.DeleteCountA).ToArray();
            var inserted = newWords.Skip(block.InsertStartB).Take(block.InsertCountB).ToArray();
            if (!IsRespelling(deleted, inserted))
            {
                return new ChangeGrading(ChangeGrade.Substantive, Describe(deleted, inserted));
            }

            respelled.Add($"{string.Join(' ', deleted)} \u2192 {string.Join(' ', inserted)}");
        }

        return Editorial([.. reasons, $"spelling ({string.Join(", ", respelled.Take(3))}{(respelled.Count > 3 ? ", \u2026" : "")})"]);
    }

    private static ChangeGrading Editorial(IEnumerable<string> reasons) => new(ChangeGrade.Editorial, string.Join("; ", reasons));

    // Word for word respellings, or the same letters joined or split differently.
    private static bool IsRespelling(string[] deleted, string[] inserted)
    {
        if (deleted.Length == 0 || inserted.Length == 0)
        {
            return false;
        }

        if (deleted.Length == inserted.Length)
        {
            return deleted.Zip(inserted).All(pair => IsRespelling(pair.First, pair.Second));
        }

        return string.Concat(deleted) == string.Concat(inserted) && !deleted.Concat(inserted).Any(HasDigit);
    }

    private static bool IsRespelling(string before, string after)
    {
        var shorter = Math.Min(before.Length, after.Length);
        if (shorter < 4 || before[0] != after[0] || HasDigit(before) || HasDigit(after)
            || s_numberWords.Contains(before) || s_numberWords.Contains(after))
        {
            return false;
        }

        var distance = s_distance.Distance(before, after);
        return distance <= 1 || (distance <= 2 && shorter >= 7);
    }

    private static bool HasDigit(string word) => word.Any(char.IsAsciiDigit);

    private static string Describe(string[] deleted, string[] inserted)
    {
        var what = deleted.Concat(inserted).Any(w => HasDigit(w) || s_numberWords.Contains(w)) ? "figures"
            : deleted.Length == 0 ? "words added"
            : inserted.Length == 0 ? "words removed"
            : "wording";
        return deleted.Length == 0 ? $"{what} ({Excerpt(inserted)})"
            : inserted.Length == 0 ? $"{what} ({Excerpt(deleted)})"
            : $"{what} ({Excerpt(deleted)} \u2192 {Excerpt(inserted)})";
    }

    private static string Excerpt(string[] words) => words.Length <= 6 ? string.Join(' ', words) : string.Join(' ', words.Take(6)) + " \u2026";

    // Footnote reference marks: superscript digits, bracketed numbers, and a number stuck to the punctuation after a word
    // ("pandemic.3"). Digits glued straight to letters ("G7", "W48") are words, not marks.
    private static (string Text, string Marks) WithoutFootnoteMarks(string text)
    {
        var marks = new List<string>();
        var plain = FootnoteMark().Replace(text, m =>
        {
            marks.Add(m.Value.Trim('[', ']'));
            return "";
        });
        return (plain, string.Join(',', marks));
    }

    [GeneratedRegex(@"[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+|\[\d{1,3}\]|(?<=\p{L}[.,;:!?)\u201D\u2019""'])\d{1,3}(?=\s|$)")]
    private static partial Regex FootnoteMark();
}
