using System.Text.Json;
using Pcc.Catalogue.Related;

namespace Pcc.Catalogue.Storage;

/// <summary>
/// Table <c>RelatedCaseStudies</c>: one row per current case study that has related ones (PartitionKey
/// <c>related</c>, RowKey = case-study key), holding the list as JSON. Written whole after each published change to the
/// catalogue, in 100-row transactions of its one partition; a case study's page reads its one row.
/// </summary>
public sealed class RelatedCaseStudiesEntity : EntityBase
{
    /// <summary>The single partition of this table.</summary>
    public const string Partition = "related";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The related case studies, best first, as JSON (see <see cref="RelatedCaseStudy"/>).</summary>
    public string Related { get; set; } = "[]";

    /// <summary>The row of the case study <paramref name="key"/>.</summary>
    public static RelatedCaseStudiesEntity For(string key, IReadOnlyList<RelatedCaseStudy> related) =>
        new() { PartitionKey = Partition, RowKey = key, Related = JsonSerializer.Serialize(related, s_json) };

    /// <summary>The list this row holds.</summary>
    public IReadOnlyList<RelatedCaseStudy> Read() => JsonSerializer.Deserialize<List<RelatedCaseStudy>>(Related, s_json) ?? [];
}
