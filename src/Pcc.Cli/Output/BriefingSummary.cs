using Pcc.Briefings;

namespace Pcc.Cli.Output;

/// <summary>The human-readable form of <c>pcc parse</c>.</summary>
public static class BriefingSummary
{
    /// <summary>Writes the title, format, themes with counts, each case study and the warnings.</summary>
    public static void Write(Briefing briefing, TextWriter output)
    {
        output.WriteLine(briefing.Title);
        output.WriteLine($"{briefing.DocumentName} · {briefing.Format.ToString().ToLowerInvariant()} · {Quantity.CaseStudiesInThemes(briefing.CaseStudies.Count, briefing.Themes.Count)}");
        output.WriteLine();
        foreach (var theme in briefing.Themes)
        {
            var caseStudies = briefing.CaseStudies.Where(c => c.ThemeSlug == theme.Slug).ToList();
            output.WriteLine($"{theme.Name} [{theme.Slug}] — {caseStudies.Count}");
            foreach (var caseStudy in caseStudies)
            {
                var number = caseStudy.Number is { } n ? $"{n,3}." : "  –";
                output.WriteLine($"  {number} {caseStudy.Title}");
                output.WriteLine($"       {caseStudy.Key} · {caseStudy.Location?.ToString() ?? "no location"}");
            }
        }

        if (briefing.Warnings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Warnings:");
            foreach (var warning in briefing.Warnings)
            {
                output.WriteLine($"  ! {warning}");
            }
        }
    }
}
