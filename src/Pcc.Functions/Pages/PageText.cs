using System.Globalization;
using System.Text.RegularExpressions;
using Pcc.Briefings.Comparison;

namespace Pcc.Functions.Pages;

/// <summary>
/// How the pages word and format values, as plain text: the components put it in the page, where the renderer
/// encodes it like every other piece of text.
/// </summary>
public static partial class PageText
{
    /// <summary>A path segment escaped for a URL; the renderer then encodes the attribute.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>A date readers understand, e.g. <c>23 Nov 2026</c> (UTC).</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>How a change kind reads: New, Changed, Removed.</summary>
    public static string KindLabel(string kind) => kind switch
    {
        "new" => "New",
        "changed" => "Changed",
        "removed" => "Removed",
        _ => kind,
    };

    /// <summary>How a graded change reads: an editorial change is a "Minor correction"; otherwise as <see cref="KindLabel(string)"/>.</summary>
    public static string KindLabel(string kind, ChangeGrade grade) =>
        kind == "changed" && grade == ChangeGrade.Editorial ? "Minor correction" : KindLabel(kind);

    /// <summary>An editor's change note as pages and feeds show it.</summary>
    public static string NoteLabel(string note) => $"Editor's note: {note}";

    /// <summary>"1 case study", "2 case studies".</summary>
    public static string Count(int n, string one, string many) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    /// <summary>The start of a text, cut at a word, with "…" when cut.</summary>
    public static string Excerpt(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(flat.LastIndexOf(' ', length) is > 0 and var cut ? cut : length)] + " …";
    }

    /// <summary>Text as paragraphs, split at blank lines, single line breaks made spaces.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        BlankLines().Split(text.Trim()).Where(p => p.Length > 0).Select(p => LineBreak().Replace(p, " "));

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex LineBreak();
}
