using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Related;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// Takes a briefing out of the catalogue as if it had never been uploaded: for a deployment check's briefing
/// (<c>pcc smoke</c>) and for one published by mistake. Under the catalogue lock it deletes the change and history rows
/// its versions recorded (so no digest, feed or history shows them from then on), takes it away as a source of its case
/// studies (one only it had leaves the catalogue, and every related list; one another briefing also has stays, in that
/// briefing's words), and
/// deletes its versions, its catalogue row, its reports, its document and, last, its ingest receipts. Every step
/// tolerates what an earlier, interrupted removal already did, so removing again finishes the job. Digests already sent
/// are not recalled.
/// </summary>
public sealed class BriefingRemoval(PccStore store, IngestionWriter writer, IngestionReports reports, RelatedCaseStudies related, IOptions<IngestionOptions> options, TimeProvider time)
{
    /// <summary>Removes the briefing <paramref name="slug"/>; <see cref="BriefingRemovalResult.Found"/> is false when nothing of it was stored.</summary>
    public async Task<BriefingRemovalResult> RemoveAsync(string slug, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsAppKey(slug))
        {
            return new BriefingRemovalResult(slug, false, 0, 0, 0, 0);
        }

        await store.EnsureCreatedAsync(cancellationToken);
        await using var catalogueLock = await CatalogueLock.AcquireAsync(store, options.Value.LockWait, cancellationToken);
        using var whileHeld = CatalogueLock.WhileHeld(catalogueLock, cancellationToken);
        cancellationToken = whileHeld.Token;

        var receipts = await PartitionAsync<IngestionEntity>(store.Ingestions, slug, cancellationToken);
        var versions = await PartitionAsync<BriefingVersionEntity>(store.BriefingVersions, slug, cancellationToken);
        var contents = await PartitionAsync<BriefingCaseStudyEntity>(store.BriefingCaseStudies, slug, cancellationToken);
        var briefing = (await store.Briefings.GetEntityIfExistsAsync<BriefingEntity>(BriefingEntity.Partition, slug, cancellationToken: cancellationToken)).ValueOrDefault();

        // Changes first: from here on no digest or feed sees this briefing's news, whatever happens next.
        var changes = 0;
        foreach (var path in receipts.Select(r => r.Report).Concat(versions.Select(v => v.Report)).Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal))
        {
            if (await reports.LoadAsync(path, cancellationToken) is { } report)
            {
                await writer.RollBackChangesAsync(report, cancellationToken);
                changes += report.New.Count + report.Changed.Count + report.Removed.Count;
            }
        }

        var catalogue = await writer.ReadCatalogueAsync(cancellationToken);
        var sourced = catalogue.Values.Where(c => IngestionWriter.SplitSources(c.Sources).Contains(slug)).Select(c => c.RowKey).ToList();
        var removed = sourced.Count(key => IngestionWriter.SplitSources(catalogue[key].Sources).All(s => s == slug));
        await writer.DropSourceAsync(slug, sourced, time.GetUtcNow(), catalogue, cancellationToken);
        if (sourced.Count > 0)
        {
            // Its case studies leave the others' related lists, and theirs go.
            await related.RecomputeAsync(catalogue.Values, cancellationToken);
        }

        foreach (var row in contents)
        {
            await store.BriefingCaseStudies.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }

        foreach (var row in versions)
        {
            await store.BriefingVersions.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }

        await store.Briefings.DeleteEntityAsync(BriefingEntity.Partition, slug, ETag.All, cancellationToken);

        var blobs = 0;
        await foreach (var report in store.Reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, slug + "/", cancellationToken))
        {
            await store.Reports.DeleteBlobIfExistsAsync(report.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }

        foreach (var name in receipts.Select(r => r.BlobName).Append(briefing?.BlobName).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal))
        {
            // Only a blob that is still this briefing's: a name now read as another slug is not ours to delete.
            if (BriefingSlug.FromBlobName(name!) == slug &&
                (await store.BriefingBlobs.DeleteBlobIfExistsAsync(name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value)
            {
                blobs++;
            }
        }

        // Receipts last: while any is left, removing again finds the reports and blobs they name.
        foreach (var row in receipts)
        {
            await store.Ingestions.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }

        var found = receipts.Count + versions.Count + contents.Count + sourced.Count + blobs > 0 || briefing is not null;
        return new BriefingRemovalResult(slug, found, versions.Count, removed, sourced.Count - removed, changes);
    }

    private static async Task<List<T>> PartitionAsync<T>(TableClient table, string slug, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<T>(TableClient.CreateQueryFilter($"PartitionKey eq {slug}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>What removing a briefing took away.</summary>
/// <param name="Slug">The briefing.</param>
/// <param name="Found">Anything of it was stored.</param>
/// <param name="Versions">Its published versions, now gone.</param>
/// <param name="CaseStudiesRemoved">Case studies only it had, now out of the catalogue.</param>
/// <param name="CaseStudiesKept">Case studies another briefing also has, which stay with that briefing.</param>
/// <param name="Changes">Change records taken back (new, changed and removed case studies of its versions).</param>
public sealed record BriefingRemovalResult(string Slug, bool Found, int Versions, int CaseStudiesRemoved, int CaseStudiesKept, int Changes);
