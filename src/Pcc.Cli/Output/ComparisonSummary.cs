using Pcc.Briefings;
using Pcc.Briefings.Comparison;

namespace Pcc.Cli.Output;

/// <summary>The human-readable form of <c>pcc diff</c>.</summary>
public static class ComparisonSummary
{
    /// <summary>Writes the counts, then each new, changed and removed case study; changes with their diffs.</summary>
    public static void Write(BriefingComparison comparison, TextWriter output)
    {
        output.WriteLine($"{comparison.New.Count} new, {comparison.Changed.Count} changed, {comparison.Removed.Count} removed, {comparison.Unchanged.Count} unchanged");
        Section(output, "New", comparison.New);
        if (comparison.Changed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Changed:");
            foreach (var change in comparison.Changed)
            {
                output.WriteLine($"  {Label(change.After)}");
                output.WriteLine($"      {change.Describe()}");
            }
        }

        Section(output, "Removed", comparison.Removed);
    }

    private static void Section(TextWriter output, string heading, IReadOnlyList<CaseStudy> caseStudies)
    {
        if (caseStudies.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{heading}:");
        foreach (var caseStudy in caseStudies)
        {
            output.WriteLine($"  {Label(caseStudy)}");
        }
    }

    private static string Label(CaseStudy caseStudy) =>
        $"{(caseStudy.Number is { } n ? $"Case study {n}" : "Case study")} [{caseStudy.ThemeSlug}] {caseStudy.Title} ({caseStudy.Key})";
}
