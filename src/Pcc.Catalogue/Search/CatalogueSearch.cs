using System.Text;
using Azure.Data.Tables;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Search;

/// <summary>
/// Search over the catalogue in Table storage. The catalogue is read whole into a <see cref="SearchIndex"/> once and
/// kept while it is current: every search first reads the small <c>Briefings</c> partition, whose rows an ingest
/// rewrites last, and reloads only when one of them changed.
/// </summary>
public sealed class CatalogueSearch(PccStore store, CatalogueReader reader)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Fingerprint, SearchIndex Index)? _current;

    /// <summary>Searches the current catalogue.</summary>
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        query.IsEmpty ? new SearchResults(query, 0, []) : (await IndexAsync(cancellationToken)).Search(query);

    /// <summary>The index of the current catalogue, reloaded when an ingest has changed it.</summary>
    public async Task<SearchIndex> IndexAsync(CancellationToken cancellationToken)
    {
        var fingerprint = await FingerprintAsync(cancellationToken);
        if (_current is { } current && current.Fingerprint == fingerprint)
        {
            return current.Index;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && loaded.Fingerprint == fingerprint)
            {
                return loaded.Index;
            }

            var index = new SearchIndex(await reader.CaseStudiesAsync(null, cancellationToken));
            _current = (fingerprint, index);
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var fingerprint = new StringBuilder();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BriefingEntity.Partition}");
        await foreach (var row in store.Briefings.QueryAsync<BriefingEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            fingerprint.Append(row.RowKey).Append('=').Append(row.ETag.ToString()).Append(';');
        }

        return fingerprint.ToString();
    }
}
