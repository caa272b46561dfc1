using Microsoft.Extensions.Options;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion.Attempts;

/// <summary>
/// Settles ingests that never finished because their process died: once the last attempt started more than
/// <see cref="IngestionOptions.AbandonAfter"/> ago, a pending receipt stops holding up digest windows.
/// A written plan is completed (rolled forward: every write is an idempotent upsert from the plan), unless a newer
/// version of the briefing was published meanwhile; then the change and history rows it may have written are rolled
/// back and it is recorded as abandoned. Without a plan nothing was written; it is recorded as abandoned, and a later
/// attempt of the same blob version starts afresh.
/// </summary>
public sealed class AbandonedIngests(
    PccStore store, IngestionCompletion completion, IngestionWriter writer, IngestionReports reports, IngestionReceipts receipts,
    IOptions<IngestionOptions> options, TimeProvider time, ILogger<AbandonedIngests> logger)
{
    /// <summary>When a pending receipt counts as abandoned.</summary>
    public DateTimeOffset AbandonedAt(IngestionEntity receipt) => (receipt.AttemptStartedAt ?? receipt.IngestedAt) + options.Value.AbandonAfter;

    /// <summary>Whether a pending receipt counts as abandoned now.</summary>
    public bool IsAbandoned(IngestionEntity receipt) => time.GetUtcNow() >= AbandonedAt(receipt);

    /// <summary>Settles one abandoned receipt under the catalogue lock; what became of it, for the log.</summary>
    public async Task<string> SettleAsync(IngestionEntity stale, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        await using var catalogueLock = await CatalogueLock.AcquireAsync(store, lockWait, cancellationToken);
        using var whileHeld = CatalogueLock.WhileHeld(catalogueLock, cancellationToken);
        cancellationToken = whileHeld.Token;
        var receipt = await receipts.GetAsync(stale.PartitionKey, stale.RowKey, cancellationToken);
        if (receipt is not { Status: IngestStatus.Pending } || !IsAbandoned(receipt))
        {
            return $"The ingest of briefings/{stale.BlobName} finished or started again meanwhile.";
        }

        var report = receipt.Version > 0 ? await reports.LoadAsync(receipt.Report, cancellationToken) : null;
        var briefing = (await store.Briefings.GetEntityIfExistsAsync<BriefingEntity>(BriefingEntity.Partition, receipt.PartitionKey, cancellationToken: cancellationToken)).ValueOrDefault();
        var since = $"its last attempt started at {receipt.AttemptStartedAt ?? receipt.IngestedAt:O} and never finished";
        if (report is not null && (briefing is null || briefing.CurrentVersion < report.Version || briefing.CurrentEtag == receipt.RowKey))
        {
            var outcome = await completion.FinishAsync(report, await writer.ReadCatalogueAsync(cancellationToken), cancellationToken);
            return Log($"The ingest of briefings/{receipt.BlobName} was abandoned ({since}); its plan was completed: {outcome.Message}");
        }

        if (report is not null)
        {
            await writer.RollBackChangesAsync(report, cancellationToken);
        }

        var reason = report is null
            ? $"The ingest was abandoned: {since}, before it wrote anything. Upload the document again (or replay it) to retry."
            : $"The ingest was abandoned: {since}, and version {briefing!.CurrentVersion} was published meanwhile, so the changes it had written were rolled back.";
        await receipts.UpdateAsync(receipt.PartitionKey, receipt.RowKey, null, r =>
        {
            r.Status = IngestStatus.Abandoned;
            r.Error = reason;
        }, cancellationToken);
        return Log($"briefings/{receipt.BlobName}: {reason}");
    }

    private string Log(string message)
    {
        logger.LogWarning("{Message}", message);
        return message;
    }
}
