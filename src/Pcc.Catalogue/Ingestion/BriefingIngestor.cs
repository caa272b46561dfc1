using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pcc.Briefings;
using Pcc.Catalogue.Ingestion.Attempts;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Ingestion.Uploads;
using Pcc.Catalogue.Storage;
using Pcc.Platform.Telemetry;

namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// Ingests one blob of the briefings container, idempotently per (blob, ETag): read the blob's properties by name (its
/// ETag names this version, its length is checked before anything is downloaded); stop if its receipt says done; count
/// the attempt on the receipt before anything is parsed; take the catalogue lock; reserve a version number and time,
/// planning while they are written (or reload the plan of an interrupted attempt); write the report, and apply it — or
/// hold it for review, or record why it failed — and complete the receipt.
/// </summary>
/// <remarks>
/// The attempt is counted in the app's own table, not left to the host, so it works the same under any host: a
/// document that kills its process is recognised on the next attempt, and after
/// <see cref="IngestionOptions.MaxAttempts"/> deaths it is recorded as failed and every further invocation fails (see
/// <see cref="IngestAttemptsExhaustedException"/>), which moves it to the poison queue instead of crash-looping.
/// </remarks>
public sealed class BriefingIngestor(
    PccStore store, IngestionPlanner planner, IngestionWriter writer, IngestionCompletion completion, IngestionReports reports, IngestionReceipts receipts,
    IOptions<IngestionOptions> options, TimeProvider time, ILogger<BriefingIngestor> logger)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly TimeSpan s_restampAfter = TimeSpan.FromMinutes(1);

    /// <summary>Ingests the blob called <paramref name="blobName"/>.</summary>
    public async Task<IngestionOutcome> IngestAsync(string blobName, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var slug = BriefingSlug.FromBlobName(blobName);

        var blob = store.BriefingBlobs.GetBlobClient(blobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new IngestionOutcome(IngestStatus.Missing, $"briefings/{blobName} no longer exists; nothing to ingest.");
        }

        // The lock is asked for while the attempt is counted: neither waits for the other.
        var etag = IngestionPaths.Sanitise(properties.ETag.ToString());
        using var stopAcquiring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var acquiring = CatalogueLock.AcquireAsync(store, options.Value.LockWait, stopAcquiring.Token);
        try
        {
            if (await CountAttemptAsync(blobName, slug, etag, cancellationToken) is { } finished)
            {
                await ForgoLockAsync(acquiring, stopAcquiring);
                return finished;
            }
        }
        catch (Exception)
        {
            await ForgoLockAsync(acquiring, stopAcquiring);
            throw;
        }

        try
        {
            var outcome = await IngestLockedAsync(blob, slug, properties, acquiring, cancellationToken);
            PccTelemetry.Ingests.Add(1, PccTelemetry.Outcome(outcome.Status.ToLowerInvariant()));
            logger.Log(outcome.Status == IngestStatus.Ingested ? LogLevel.Information : LogLevel.Warning, "{Message}", outcome.Message);
            return outcome;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await EndAttemptQuietlyAsync(slug, etag);
            throw;
        }
    }

    // Counts this attempt on the receipt; returns the outcome instead when the receipt says the version is done. The
    // first attempt at a version creates the receipt with the attempt counted, in one write; a later one reads it first.
    private async Task<IngestionOutcome?> CountAttemptAsync(string blobName, string slug, string etag, CancellationToken cancellationToken)
    {
        var first = NewReceipt(blobName, slug, etag);
        first.Attempts = 1;
        first.AttemptStartedAt = first.IngestedAt;
        if (await receipts.TryAddAsync(first, cancellationToken) is not null)
        {
            return null;
        }

        var receipt = await receipts.GetAsync(slug, etag, cancellationToken);
        if (Finished(receipt, blobName) is { } finished)
        {
            return finished;
        }

        var died = receipt is null ? 0 : receipt.Attempts - receipt.AttemptsEnded;
        if (died >= options.Value.MaxAttempts)
        {
            throw await FailExhaustedAsync(blobName, slug, etag, died, cancellationToken);
        }

        await receipts.UpdateAsync(slug, etag, () => NewReceipt(blobName, slug, etag), r =>
        {
            r.Attempts++;
            r.AttemptStartedAt = time.GetUtcNow();
            r.Status = r.Status == IngestStatus.Abandoned ? IngestStatus.Pending : r.Status;
        }, new StoredReceipt(receipt), cancellationToken);
        return null;
    }

    // The lock asked for is not needed after all: stop waiting for it, and give it back if it was taken.
    private static async Task ForgoLockAsync(Task<BlobLock> acquiring, CancellationTokenSource stopAcquiring)
    {
        await stopAcquiring.CancelAsync();
        try
        {
            await (await acquiring).DisposeAsync();
        }
        catch (Exception)
        {
            // Not taken (stopped, timed out or failed): nothing to give back. A lease left behind runs out within a minute.
        }
    }

    private async Task<IngestionOutcome> IngestLockedAsync(BlobClient blob, string slug, BlobProperties properties, Task<BlobLock> acquiring, CancellationToken cancellationToken)
    {
        var (blobName, etag) = (blob.Name, IngestionPaths.Sanitise(properties.ETag.ToString()));
        await using var catalogueLock = await acquiring;
        using var whileHeld = CatalogueLock.WhileHeld(catalogueLock, cancellationToken);
        cancellationToken = whileHeld.Token;

        // What the ingest reads does not depend on one another, so it is read at once: the receipt again (another attempt
        // may have finished meanwhile), the briefing, the catalogue, the briefing's case studies as last published, and
        // this version of the document (only when within the size limit).
        var receiptRead = receipts.GetAsync(slug, etag, cancellationToken);
        var briefingRead = store.Briefings.GetEntityIfExistsAsync<BriefingEntity>(BriefingEntity.Partition, slug, cancellationToken: cancellationToken);
        var catalogueRead = writer.ReadCatalogueAsync(cancellationToken);
        var baselineRead = ReadBaselineAsync(slug, cancellationToken);
        var contentRead = planner.WithinSizeLimit(properties.ContentLength) ? ReadVersionAsync(blob, properties.ETag, cancellationToken) : Task.FromResult<ReadOnlyMemory<byte>?>(null);
        await Task.WhenAll(receiptRead, briefingRead, catalogueRead, baselineRead, contentRead);

        var receipt = (await receiptRead)!;
        if (Finished(receipt, blobName) is { } finished)
        {
            await receipts.UpdateAsync(slug, etag, null, r => r.AttemptsEnded++, new StoredReceipt(receipt), cancellationToken);
            return finished;
        }

        var briefing = (await briefingRead).ValueOrDefault();
        var report = receipt.Version > 0 ? await reports.LoadAsync(receipt.Report, cancellationToken) : null;
        var reserving = Task.FromResult(receipt);
        var (version, at) = (receipt.Version, receipt.IngestedAt);
        if (receipt.Version == 0 || (report is null && receipt.IngestedAt < time.GetUtcNow() - s_restampAfter))
        {
            // First attempt to get this far, or an earlier one stopped before writing its plan, so no row carries its
            // timestamp yet: take a fresh one, or the changes would land in a digest window already sent. There is no
            // plan yet, and it needs only these values, so it is made while they are written.
            (version, at) = ((briefing?.CurrentVersion ?? 0) + 1, time.GetUtcNow());
            reserving = ReserveAsync(slug, etag, briefing, at, receipt, cancellationToken);
        }

        var note = UploadNote.Read(properties.Metadata);
        var target = new IngestionTarget(blobName, slug, etag, version, at, note.ChangeNote, note.EditorialOnly, note.DeploymentCheck);
        var catalogue = await catalogueRead;
        if (report is null)
        {
            try
            {
                var baseline = await baselineRead;
                var owners = catalogue.Values.ToDictionary(c => c.RowKey, c => c.Briefing, StringComparer.Ordinal);
                report = planner.TooLarge(target, properties.ContentLength, briefing?.CurrentVersion)
                    ?? await contentRead switch
                    {
                        { } content => planner.Plan(target, content, baseline, owners, briefing?.CurrentVersion, cancellationToken),
                        null => IngestionPlanner.Replaced(target, briefing?.CurrentVersion),
                    };
            }
            catch (Exception)
            {
                // The receipt's write ends before the lock is given back, whatever became of it.
                await Task.WhenAny(reserving);
                throw;
            }

            receipt = await reserving;
            report = await reports.SaveAsync(receipt.Report, report, cancellationToken);
        }

        return await completion.FinishAsync(report, catalogue, new StoredReceipt(receipt), cancellationToken);
    }

    // Downloaded only once the length is known to be within the limit, and only this version (its ETag): the content
    // of a blob overwritten since could be of any size. Null when this version is gone.
    private static async Task<ReadOnlyMemory<byte>?> ReadVersionAsync(BlobClient blob, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = etag } };
            return (await blob.DownloadContentAsync(options, cancellationToken)).Value.Content.ToMemory();
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    private static IngestionOutcome? Finished(IngestionEntity? receipt, string blobName) => receipt switch
    {
        { Exhausted: true } => throw new IngestAttemptsExhaustedException(receipt.Error ?? $"briefings/{blobName} was given up on."),
        { Status: IngestStatus.Completed or IngestStatus.Failed or IngestStatus.Held } =>
            new IngestionOutcome(IngestStatus.Duplicate, $"briefings/{blobName} (ETag {receipt.RowKey}) was already ingested ({receipt.Status}).", null, receipt.Report),
        _ => null,
    };

    private IngestionEntity NewReceipt(string blobName, string slug, string etag) => new()
    {
        PartitionKey = slug,
        RowKey = etag,
        BlobName = blobName,
        Status = IngestStatus.Pending,
        IngestedAt = time.GetUtcNow(),
    };

    private Task<IngestionEntity> ReserveAsync(string slug, string etag, BriefingEntity? briefing, DateTimeOffset now, IngestionEntity read, CancellationToken cancellationToken)
    {
        return receipts.UpdateAsync(slug, etag, null, r =>
        {
            r.Status = IngestStatus.Pending;
            r.Version = (briefing?.CurrentVersion ?? 0) + 1;
            r.BaseVersion = briefing?.CurrentVersion ?? 0;
            r.IngestedAt = now;
            r.Report = IngestionPaths.Report(slug, now, etag);
        }, new StoredReceipt(read), cancellationToken);
    }

    private async Task EndAttemptQuietlyAsync(string slug, string etag)
    {
        try
        {
            await receipts.UpdateAsync(slug, etag, null, r => r.AttemptsEnded++, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Storage is what failed, most likely: the attempt then counts as one that died, which only brings the limit nearer.
            logger.LogWarning("Could not record the end of an ingest attempt of {Slug}/{Etag}: {Reason}", slug, etag, ex.Message);
        }
    }

    private async Task<IngestAttemptsExhaustedException> FailExhaustedAsync(string blobName, string slug, string etag, int died, CancellationToken cancellationToken)
    {
        var briefing = (await store.Briefings.GetEntityIfExistsAsync<BriefingEntity>(BriefingEntity.Partition, slug, cancellationToken: cancellationToken)).ValueOrDefault();
        var stays = briefing is null ? "No earlier version of this briefing exists." : $"Version {briefing.CurrentVersion} stays current.";
        var message = $"Ingesting briefings/{blobName} stopped its process {died} times before it finished, so it was given up on and goes to " +
            $"the poison queue. {stays} Check the document with `pcc parse`, then upload a corrected version.";
        var now = time.GetUtcNow();
        var receipt = await receipts.UpdateAsync(slug, etag, null, r =>
        {
            if (r.Version == 0)
            {
                r.Version = (briefing?.CurrentVersion ?? 0) + 1;
                r.BaseVersion = briefing?.CurrentVersion ?? 0;
                r.IngestedAt = now;
                r.Report = IngestionPaths.Report(slug, now, etag);
            }

            r.Status = IngestStatus.Failed;
            r.Exhausted = true;
            r.Error = message;
        }, cancellationToken);

        await reports.SaveAsync(receipt.Report, new IngestionReport
        {
            BlobName = blobName, Slug = slug, Etag = etag, Version = receipt.Version, IngestedAt = receipt.IngestedAt,
            Status = IngestStatus.Failed, CurrentVersion = briefing?.CurrentVersion,
            Errors = [new ReportError("StoppedProcess", null, message)],
        }, cancellationToken);
        logger.LogError("{Message}", message);
        PccTelemetry.Ingests.Add(1, PccTelemetry.Outcome("exhausted"));
        PccTelemetry.Poison.Add(1, new KeyValuePair<string, object?>("function", "IngestBriefing"));
        return new IngestAttemptsExhaustedException(message);
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
}
