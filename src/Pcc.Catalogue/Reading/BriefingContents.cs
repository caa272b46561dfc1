using Azure.Data.Tables;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Reading;

/// <summary>The case studies of a briefing's current version: one partition of <c>BriefingCaseStudies</c>.</summary>
public sealed class BriefingContents(PccStore store)
{
    /// <summary>The case studies, in number order.</summary>
    public async Task<IReadOnlyList<BriefingCaseStudyEntity>> CaseStudiesAsync(string slug, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var list = new List<BriefingCaseStudyEntity>();
        await foreach (var row in store.BriefingCaseStudies.QueryAsync<BriefingCaseStudyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}"), cancellationToken: cancellationToken))
        {
            list.Add(row);
        }

        return list.OrderBy(c => c.Number ?? int.MaxValue).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
    }
}
