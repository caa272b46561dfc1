using System.Text.Json.Serialization;
using Pcc.Briefings.Comparison;

namespace Pcc.Cli.Output;

/// <summary>The result of <c>pcc diff --json</c>.</summary>
public sealed record ComparisonJson(
    [property: JsonPropertyName("new")] IReadOnlyList<CaseStudyJson> New,
    IReadOnlyList<ChangeJson> Changed,
    IReadOnlyList<CaseStudyJson> Removed,
    IReadOnlyList<CaseStudyJson> Unchanged)
{
    /// <summary>The JSON form of <paramref name="comparison"/>.</summary>
    public static ComparisonJson From(BriefingComparison comparison) => new(
        comparison.New.Select(CaseStudyJson.From).ToArray(),
        comparison.Changed.Select(ChangeJson.From).ToArray(),
        comparison.Removed.Select(CaseStudyJson.From).ToArray(),
        comparison.Unchanged.Select(CaseStudyJson.From).ToArray());
}
