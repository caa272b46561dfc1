using Pcc.Briefings;

namespace Pcc.Cli.Output;

/// <summary>A case study as JSON.</summary>
public sealed record CaseStudyJson(string Key, int? Number, string ThemeSlug, string Theme, string Title, string Text, string? Location)
{
    /// <summary>The JSON form of <paramref name="caseStudy"/>.</summary>
    public static CaseStudyJson From(CaseStudy caseStudy) =>
        new(caseStudy.Key, caseStudy.Number, caseStudy.ThemeSlug, caseStudy.ThemeName, caseStudy.Title, caseStudy.Text, caseStudy.Location?.ToString());
}
