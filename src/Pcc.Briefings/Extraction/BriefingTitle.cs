using Pcc.Briefings.Reading;
using Pcc.Briefings.Themes;

namespace Pcc.Briefings.Extraction;

/// <summary>
/// The title of a document: its first heading unless that is front matter ("Introduction") or a theme; then the
/// running header that repeats on its pages; then its first line; then its file name.
/// </summary>
internal static class BriefingTitle
{
    private const int MaxLength = 200;

    public static string Find(IReadOnlyList<TextUnit> units, string? runningHeader, ThemeTaxonomy taxonomy, string documentName)
    {
        var firstHeading = units.FirstOrDefault(u => u.Kind == BlockKind.Heading) is { } heading ? HeadingText.Clean(heading.Text) : null;
        if (firstHeading is { Length: > 0 } && !SectionMarkers.IsFrontMatter(firstHeading) && !SectionMarkers.IsCaseStudiesHeading(firstHeading)
            && taxonomy.Match(firstHeading) is null)
        {
            return Trim(firstHeading);
        }

        if (runningHeader is not null)
        {
            return Trim(runningHeader);
        }

        // A theme heading is a section, never the title: a briefing that starts with one is named after its file.
        if (units.Count > 0 && taxonomy.Match(units[0].Lines[0].Text) is null)
        {
            return Trim(HeadingText.Clean(units[0].Lines[0].Text));
        }

        return Path.GetFileNameWithoutExtension(documentName);
    }

    private static string Trim(string title) => title.Length <= MaxLength ? title : title[..MaxLength].TrimEnd() + "\u2026";
}
