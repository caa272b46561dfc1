using Azure.Data.Tables;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Catalogue.Digests;

/// <summary>
/// Names what subscribers follow from the catalogue: a theme by the taxonomy (listed themes only), a briefing by its
/// title (one query of the <c>Briefings</c> partition), a case study by the title its newest history row gives (one
/// partition of <c>CaseStudyHistory</c>, newest first), so a case study removed from every briefing keeps its name.
/// Something the catalogue has never held has no title: that is how the subscription API tells it is unknown.
/// </summary>
public sealed class CatalogueFollowTitles(PccStore store, ThemeTaxonomy taxonomy) : IFollowTitles
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<FollowedItem>> DescribeAsync(Follows follows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(follows);
        var items = follows.Themes.Select(t => new FollowedItem(FollowKind.Theme, t, taxonomy.Find(t) is { Listed: true } theme ? theme.Name : null)).ToList();
        if (follows.Briefings.Count > 0)
        {
            var titles = await BriefingTitlesAsync(cancellationToken);
            items.AddRange(follows.Briefings.Select(b => new FollowedItem(FollowKind.Briefing, b, titles.TryGetValue(b, out var title) ? title : null)));
        }

        items.AddRange(await Task.WhenAll(follows.CaseStudies.Select(key => CaseStudyAsync(key, cancellationToken))));
        return items;
    }

    // A briefing without a title yet is named by its slug, as the pages name it.
    private async Task<Dictionary<string, string>> BriefingTitlesAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BriefingEntity.Partition}");
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in store.Briefings.QueryAsync<BriefingEntity>(filter, select: ["RowKey", "Title"], cancellationToken: cancellationToken))
        {
            found[row.RowKey] = row.Title is { Length: > 0 } title ? title : row.RowKey;
        }

        return found;
    }

    private async Task<FollowedItem> CaseStudyAsync(string key, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsAppKey(key))
        {
            return new FollowedItem(FollowKind.CaseStudy, key, null);
        }

        await store.EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key}");
        await foreach (var newest in store.CaseStudyHistory.QueryAsync<CaseStudyHistoryEntity>(filter, maxPerPage: 1, select: ["Kind", "Title", "ThemeSlug"], cancellationToken: cancellationToken))
        {
            var removed = newest.Kind == "removed"
                && !(await store.CaseStudies.GetEntityIfExistsAsync<CaseStudyEntity>(newest.ThemeSlug, key, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;
            return new FollowedItem(FollowKind.CaseStudy, key, newest.Title, removed);
        }

        return new FollowedItem(FollowKind.CaseStudy, key, null);
    }
}
