using Pcc.Briefings;

namespace Pcc.Cli.Output;

/// <summary>The result of <c>pcc parse --json</c>.</summary>
public sealed record BriefingJson(
    string Document,
    string Title,
    string Format,
    IReadOnlyList<ThemeJson> Themes,
    IReadOnlyList<CaseStudyJson> CaseStudies,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The JSON form of <paramref name="briefing"/>; the format is lower case ("text", "markdown", "html", "docx", "pdf").</summary>
    public static BriefingJson From(Briefing briefing) => new(
        briefing.DocumentName,
        briefing.Title,
        briefing.Format.ToString().ToLowerInvariant(),
        briefing.Themes.Select(t => new ThemeJson(t.Slug, t.Name)).ToArray(),
        briefing.CaseStudies.Select(CaseStudyJson.From).ToArray(),
        briefing.Warnings);
}
