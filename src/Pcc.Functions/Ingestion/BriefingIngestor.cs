using System.Text.Json;
using Azure;
using Pcc.Briefings;
using Pcc.Functions.Data;
using Azure.Storage.Blobs.Models;
using Azure.Data.Tables;

namespace Pcc.Functions.Ingestion;

/// <summary>
/// Ingests one blob of the briefings container, idempotently per (blob, ETag):
/// take the briefing's lock; re-read the blob by name (its ETag names this version); stop if its receipt says done;
/// otherwise reserve a receipt (version number and time fixed), plan (or reload the plan of an interrupted attempt),
/// write the report, apply it, and complete the receipt.
/// </summary>
public sealed class BriefingIngestor(PccStore store, IngestionPlanner planner, IngestionWriter writer, TimeProvider time, ILogger<BriefingIngestor> logger)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly TimeSpan s_lockWait = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_restampAfter = TimeSpan.FromMinutes(1);

    /// <summary>Ingests the blob called <paramref name="blobName"/>.</summary>
    public async Task<IngestionOutcome> IngestAsync(string blobName, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var slug = BriefingSlug.FromBlobName(blobName);

        // One ingest at a time across all briefings: a case study can appear in several briefings, and the catalogue
        // row it shares is read, merged and written back by each ingest. Ingests are rare and take well under a second.
        await using var catalogueLock = await AcquireLockAsync(cancellationToken);

        BlobDownloadResult download;
        try
        {
            download = (await store.BriefingBlobs.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new IngestionOutcome("missing", $"briefings/{blobName} no longer exists; nothing to ingest.");
        }

        var etag = IngestionPaths.Sanitise(download.Details.ETag.ToString());
        var receipt = (await store.Ingestions.GetEntityIfExistsAsync<IngestionEntity>(slug, etag, cancellationToken: cancellationToken)).ValueOrDefault();
        if (receipt is { Status: IngestionEntity.Completed or IngestionEntity.Failed })
        {
            return new IngestionOutcome("duplicate", $"briefings/{blobName} (ETag {etag}) was already ingested ({receipt.Status}).", null, receipt.Report);
        }

        var briefing = (await store.Briefings.GetEntityIfExistsAsync<BriefingEntity>(BriefingEntity.Partition, slug, cancellationToken: cancellationToken)).ValueOrDefault();
        receipt ??= await ReserveAsync(blobName, slug, etag, briefing, cancellationToken);
        var report = await LoadReportAsync(receipt.Report, cancellationToken);
        if (report is null && receipt.IngestedAt < time.GetUtcNow() - s_restampAfter)
        {
            // An earlier attempt stopped before writing its plan, so no row carries its timestamp yet: take a fresh one,
            // or the changes would land in a digest window that has already been sent (e.g. a poisoned blob replayed).
            receipt = await RestampAsync(receipt, slug, etag, cancellationToken);
        }

        var target = new IngestionTarget(blobName, slug, etag, receipt.Version, receipt.IngestedAt);
        var catalogue = await ReadCatalogueAsync(cancellationToken);
        if (report is null)
        {
            var baseline = await ReadBaselineAsync(slug, cancellationToken);
            var owners = catalogue.Values.ToDictionary(c => c.RowKey, c => c.Briefing, StringComparer.Ordinal);
            report = planner.Plan(target, download.Content.ToMemory(), baseline, owners, briefing?.CurrentVersion, cancellationToken);
            report = await SaveReportAsync(receipt.Report, report, cancellationToken);
        }

        if (report.Status == IngestionReport.Failed)
        {
            receipt.Status = IngestionEntity.Failed;
            receipt.Error = string.Join("; ", report.Errors.Select(e => e.Location is null ? $"{blobName}: {e.Message}" : $"{blobName} ({e.Location}): {e.Message}"));
            await store.Ingestions.UpsertEntityAsync(receipt, TableUpdateMode.Replace, cancellationToken);
            logger.LogWarning("briefings/{Blob} could not be read: {Error}", blobName, receipt.Error);
            return new IngestionOutcome("failed", $"The document could not be read: {receipt.Error}", report, receipt.Report);
        }

        await writer.ApplyAsync(report, catalogue, cancellationToken);
        receipt.Status = IngestionEntity.Completed;
        await store.Ingestions.UpsertEntityAsync(receipt, TableUpdateMode.Replace, cancellationToken);

        var c = report.Counts;
        var message = $"briefings/{blobName} → version {report.Version} of '{slug}': {Quantity.CaseStudiesInThemes(c.CaseStudies, c.Themes)}, {c.New} new, {c.Changed} changed, {c.Removed} removed.";
        logger.LogInformation("{Message}", message);
        return new IngestionOutcome("ingested", message, report, receipt.Report);
    }

    // Failing the invocation on a timeout lets the host retry it later.
    private Task<BlobLock> AcquireLockAsync(CancellationToken cancellationToken) =>
        BlobLock.AcquireAsync(store.Locks, "ingest/catalogue", new BlobLockOptions { Duration = TimeSpan.FromSeconds(60), AutoRenew = true }, s_lockWait, cancellationToken);

    private async Task<IngestionEntity> ReserveAsync(string blobName, string slug, string etag, BriefingEntity? briefing, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var receipt = new IngestionEntity
        {
            PartitionKey = slug,
            RowKey = etag,
            BlobName = blobName,
            Status = IngestionEntity.Pending,
            Version = (briefing?.CurrentVersion ?? 0) + 1,
            IngestedAt = now,
            Report = IngestionPaths.Report(slug, now, etag),
        };
        await store.Ingestions.AddEntityAsync(receipt, cancellationToken);
        return receipt;
    }

    private async Task<IngestionEntity> RestampAsync(IngestionEntity receipt, string slug, string etag, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        receipt.IngestedAt = now;
        receipt.Report = IngestionPaths.Report(slug, now, etag);
        await store.Ingestions.UpdateEntityAsync(receipt, receipt.ETag, TableUpdateMode.Replace, cancellationToken);
        return (await store.Ingestions.GetEntityAsync<IngestionEntity>(slug, etag, cancellationToken: cancellationToken)).Value;
    }

    private async Task<Dictionary<string, CaseStudyEntity>> ReadCatalogueAsync(CancellationToken cancellationToken)
    {
        var catalogue = new Dictionary<string, CaseStudyEntity>(StringComparer.Ordinal);
        await foreach (var entity in store.CaseStudies.QueryAsync<CaseStudyEntity>(cancellationToken: cancellationToken))
        {
            catalogue[entity.RowKey] = entity;
        }

        return catalogue;
    }

    private async Task<List<CaseStudy>> ReadBaselineAsync(string slug, CancellationToken cancellationToken)
    {
        var baseline = new List<CaseStudy>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {slug}");
        await foreach (var e in store.BriefingCaseStudies.QueryAsync<BriefingCaseStudyEntity>(filter, cancellationToken: cancellationToken))
        {
            baseline.Add(new CaseStudy(e.Key, e.Number, e.ThemeSlug, e.Theme, e.Title, e.Text));
        }

        return baseline;
    }

    private async Task<IngestionReport?> LoadReportAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await store.Reports.GetBlobClient(path).DownloadContentAsync(cancellationToken)).Value.Content;
            return content.ToObjectFromJson<IngestionReport>(JsonOptions);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task<IngestionReport> SaveReportAsync(string path, IngestionReport report, CancellationToken cancellationToken)
    {
        var json = BinaryData.FromObjectAsJson(report, JsonOptions);
        try
        {
            await store.Reports.GetBlobClient(path).UploadAsync(json, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // An earlier attempt wrote the plan first: that plan is the one to apply.
            return await LoadReportAsync(path, cancellationToken) ?? report;
        }

        await store.Reports.GetBlobClient(IngestionPaths.Summary(path)).UploadAsync(
            BinaryData.FromString(IngestionReportText.Render(report)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } },
            cancellationToken);
        return report;
    }
}
