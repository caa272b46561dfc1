using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Pcc.Catalogue.Search;

namespace Pcc.Functions.Pages;

/// <summary>
/// Small helpers the page renderers share. Every document or user string goes through <see cref="Encode"/>; only the
/// fixed markup written here and in the renderers is raw.
/// </summary>
public static partial class Html
{
    /// <summary>HTML-encodes text for an element or a double-quoted attribute.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A path segment, escaped for a URL and then for an attribute.</summary>
    public static string Segment(string value) => Encode(Uri.EscapeDataString(value));

    /// <summary>A date readers understand, e.g. <c>23 Nov 2026</c> (UTC).</summary>
    public static string Date(DateTimeOffset at) => Encode(at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture));

    /// <summary>A date and time with a machine-readable <c>&lt;time&gt;</c>, e.g. <c>23 Nov 2026, 07:30 UTC</c>.</summary>
    public static string Time(DateTimeOffset at) =>
        $"<time datetime=\"{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">" +
        $"{Encode(at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture))}</time>";

    /// <summary>Text as paragraphs, split at blank lines (single line breaks kept as spaces).</summary>
    public static string Paragraphs(string text) => string.Concat(
        Regex.Split(text.Trim(), @"\n\s*\n").Where(p => p.Length > 0).Select(p => $"<p>{Encode(Regex.Replace(p, @"\s*\n\s*", " "))}</p>"));

    /// <summary>
    /// A word-level diff written as <c>kept [-deleted-]{+inserted+} kept</c> as HTML: deletions in <c>&lt;del&gt;</c>,
    /// insertions in <c>&lt;ins&gt;</c>, each also labelled for screen readers.
    /// </summary>
    public static string DiffHtml(string diff)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match m in DiffMarks().Matches(diff))
        {
            html.Append(Encode(diff[at..m.Index]));
            html.Append(m.Groups["deleted"].Success
                ? $"<del><span class=\"sr\">[removed: </span>{Encode(m.Groups["deleted"].Value)}<span class=\"sr\">]</span></del>"
                : $"<ins><span class=\"sr\">[added: </span>{Encode(m.Groups["inserted"].Value)}<span class=\"sr\">]</span></ins>");
            at = m.Index + m.Length;
        }

        return html.Append(Encode(diff[at..])).ToString();
    }

    /// <summary>Search result runs as HTML, matches in <c>&lt;mark&gt;</c>.</summary>
    public static string Highlighted(IEnumerable<TextRun> runs) =>
        string.Concat(runs.Select(r => r.Match ? $"<mark>{Encode(r.Text)}</mark>" : Encode(r.Text)));

    /// <summary>How a change kind reads: New, Changed, Removed.</summary>
    public static string KindLabel(string kind) => kind switch
    {
        "new" => "New",
        "changed" => "Changed",
        "removed" => "Removed",
        _ => kind,
    };

    /// <summary>"1 case study", "2 case studies".</summary>
    public static string Count(int n, string one, string many) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    [GeneratedRegex(@"\[-(?<deleted>.*?)-\]|\{\+(?<inserted>.*?)\+\}", RegexOptions.Singleline)]
    private static partial Regex DiffMarks();
}
