using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Storage;
using Pcc.Platform.Storage;

namespace Pcc.Catalogue.Related;

/// <summary>
/// The stored related-case-study lists (<see cref="RelatedCaseStudiesEntity"/>): recomputed for the whole catalogue
/// whenever it changes (an ingest that publishes a version), never on a reader's request, and on an operator's request
/// (<see cref="RefreshAsync"/>), which fills them in a catalogue ingested before they existed. Every refresh runs under
/// the catalogue lock, so two never interleave and none reads the catalogue half-written.
/// </summary>
/// <remarks>
/// A refresh reads every <c>CaseStudies</c> row (an ingest or a removal passes the rows it has just read and written),
/// computes every list (<see cref="SimilarCaseStudies"/>), writes the rows whose list differs from the stored one and
/// deletes those of case studies that are gone or have none. The lists depend only on the catalogue, so refreshing the
/// same catalogue again writes nothing; a refresh stopped part-way leaves some rows old, and the next one, which rereads
/// what is stored, completes them.
/// </remarks>
public sealed class RelatedCaseStudies(PccStore store, IOptions<IngestionOptions> options, ILogger<RelatedCaseStudies> logger)
{
    /// <summary>
    /// Takes the catalogue lock (waiting as an ingest does), then reads the catalogue, and recomputes and stores every
    /// list.
    /// </summary>
    public async Task<RelatedRefresh> RefreshAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        await using var catalogueLock = await CatalogueLock.AcquireAsync(store, options.Value.LockWait, cancellationToken);
        using var whileHeld = CatalogueLock.WhileHeld(catalogueLock, cancellationToken);
        var catalogue = new List<CaseStudyEntity>();
        await foreach (var row in store.CaseStudies.QueryAsync<CaseStudyEntity>(select: ["PartitionKey", "RowKey", "Title", "Text", "Briefing"], cancellationToken: whileHeld.Token))
        {
            catalogue.Add(row);
        }

        return await RecomputeAsync(catalogue, whileHeld.Token);
    }

    /// <summary>
    /// Recomputes and stores every case study's related list from <paramref name="catalogue"/>, every <c>CaseStudies</c>
    /// row as the caller, holding the catalogue lock, has just read (and, for an ingest or a removal, written).
    /// </summary>
    internal async Task<RelatedRefresh> RecomputeAsync(IEnumerable<CaseStudyEntity> catalogue, CancellationToken cancellationToken)
    {
        // The stored lists are read while the new ones are computed.
        var storedRead = ReadStoredAsync(cancellationToken);
        var lists = SimilarCaseStudies.Find(catalogue);
        var stored = await storedRead;
        var writes = lists.Where(l => l.Value.Count > 0)
            .Select(l => RelatedCaseStudiesEntity.For(l.Key, l.Value))
            .Where(e => stored.GetValueOrDefault(e.RowKey) != e.Related)
            .OrderBy(e => e.RowKey, StringComparer.Ordinal)
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Checked(e)));
        var deletes = stored.Keys.Where(k => lists.GetValueOrDefault(k) is not { Count: > 0 }).Order(StringComparer.Ordinal)
            .Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(RelatedCaseStudiesEntity.Partition, k), ETag.All));
        var actions = writes.Concat(deletes).ToList();
        await TableBatch.SubmitInChunksAsync(store.RelatedCaseStudies, actions, cancellationToken);
        logger.LogInformation("Related case studies of {CaseStudies} case studies recomputed: {Rows} rows written or deleted.", lists.Count, actions.Count);
        return new RelatedRefresh(lists.Count, lists.Count(l => l.Value.Count > 0), actions.Count);
    }

    private async Task<Dictionary<string, string>> ReadStoredAsync(CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var inPartition = TableClient.CreateQueryFilter($"PartitionKey eq {RelatedCaseStudiesEntity.Partition}");
        await foreach (var row in store.RelatedCaseStudies.QueryAsync<RelatedCaseStudiesEntity>(inPartition, select: ["RowKey", "Related"], cancellationToken: cancellationToken))
        {
            stored[row.RowKey] = row.Related;
        }

        return stored;
    }

    /// <summary>The stored related case studies of <paramref name="key"/>, best first; none when nothing is stored for it.</summary>
    public async Task<IReadOnlyList<RelatedCaseStudy>> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var row = await store.RelatedCaseStudies.GetEntityIfExistsAsync<RelatedCaseStudiesEntity>(RelatedCaseStudiesEntity.Partition, key, cancellationToken: cancellationToken);
        return row.ValueOrDefault()?.Read() ?? [];
    }

    // Titles and keys come from documents: a list over the service's limits fails here, naming the property.
    private static RelatedCaseStudiesEntity Checked(RelatedCaseStudiesEntity entity)
    {
        EntityLimits.Validate(entity);
        return entity;
    }
}
