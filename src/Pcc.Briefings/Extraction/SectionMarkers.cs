using Pcc.Briefings.Identity;
using Pcc.Briefings.Themes;

namespace Pcc.Briefings.Extraction;

/// <summary>Headings that are not themes but say what follows: a list of case studies, or front matter.</summary>
internal static class SectionMarkers
{
    private static readonly HashSet<string> s_caseStudies = new(StringComparer.Ordinal)
    {
        "case studies", "case study", "examples", "case studies and examples", "examples of good practice", "good practice examples",
    };

    private static readonly HashSet<string> s_frontMatter = new(StringComparer.Ordinal)
    {
        "introduction", "contents", "table of contents", "foreword", "preface", "summary", "executive summary", "overview",
        "background", "about this briefing", "acknowledgements", "references", "endnotes", "notes", "conclusion",
    };

    private static readonly int s_longest = s_caseStudies.Concat(s_frontMatter).Max(p => p.Length);

    public static bool IsCaseStudiesHeading(string heading) => PhraseLookup.Contains(s_caseStudies, s_longest, HeadingText.Clean(heading));

    public static bool IsFrontMatter(string heading) => PhraseLookup.Contains(s_frontMatter, s_longest, HeadingText.Clean(heading));
}
