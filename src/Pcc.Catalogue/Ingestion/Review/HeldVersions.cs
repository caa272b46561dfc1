using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pcc.Catalogue.Ingestion.Attempts;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion.Review;

/// <summary>
/// Versions held for review (they would empty a briefing or remove more than half of its case studies) and an
/// editor's confirmation that publishes one. Confirming re-stamps the held plan with the time of confirmation — its
/// changes belong to the digest window in which they are published — writes that as the version's report, and
/// applies it under the catalogue lock. Confirming twice changes nothing; a held version is superseded once another
/// version of its briefing is published.
/// </summary>
public sealed class HeldVersions(PccStore store, IngestionCompletion completion, IngestionWriter writer, IngestionReports reports, IngestionReceipts receipts, IOptions<IngestionOptions> options, TimeProvider time)
{
    /// <summary>Confirms version <paramref name="version"/> of the briefing <paramref name="slug"/>.</summary>
    public async Task<ConfirmOutcome> ConfirmAsync(string slug, int version, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsAppKey(slug) || version <= 0)
        {
            return new ConfirmOutcome(ConfirmOutcome.NotFound, $"No briefing '{Clip(slug)}' has a version {version} held for review.");
        }

        await store.EnsureCreatedAsync(cancellationToken);
        await using var catalogueLock = await CatalogueLock.AcquireAsync(store, options.Value.LockWait, cancellationToken);
        using var whileHeld = CatalogueLock.WhileHeld(catalogueLock, cancellationToken);
        cancellationToken = whileHeld.Token;
        var briefing = (await store.Briefings.GetEntityIfExistsAsync<BriefingEntity>(BriefingEntity.Partition, slug, cancellationToken: cancellationToken)).ValueOrDefault();
        var current = briefing?.CurrentVersion ?? 0;
        var candidates = new List<IngestionEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {slug} and Version eq {version}");
        await foreach (var r in store.Ingestions.QueryAsync<IngestionEntity>(filter, cancellationToken: cancellationToken))
        {
            candidates.Add(r);
        }

        // A confirmation that stopped half-way left its receipt pending with ConfirmedAt set: finish it.
        var held = candidates.Where(r => r.Status == IngestStatus.Held || (r.Status == IngestStatus.Pending && r.ConfirmedAt is not null))
            .Where(r => r.BaseVersion == current)
            .MaxBy(r => r.IngestedAt);
        if (held is null)
        {
            return candidates.Any(r => r.Status == IngestStatus.Held)
                ? new ConfirmOutcome(ConfirmOutcome.Superseded, $"Version {version} of '{slug}' was held for review, but version {current} has been published since; upload the document again to publish it.")
                : current >= version && candidates.Any(r => r.Status == IngestStatus.Completed)
                    ? new ConfirmOutcome(ConfirmOutcome.AlreadyCurrent, $"Version {version} of '{slug}' is already published (version {current} is current).")
                    : new ConfirmOutcome(ConfirmOutcome.NotFound, $"No briefing '{slug}' has a version {version} held for review.");
        }

        var report = held.Status == IngestStatus.Pending
            ? await reports.LoadAsync(held.Report, cancellationToken)
            : await RestampAsync(held, cancellationToken);
        if (report is null)
        {
            return new ConfirmOutcome(ConfirmOutcome.NotFound, $"The report of version {version} of '{slug}' is missing; upload the document again.");
        }

        var outcome = await completion.FinishAsync(report, await writer.ReadCatalogueAsync(cancellationToken), cancellationToken);
        return new ConfirmOutcome(ConfirmOutcome.Confirmed, $"Confirmed by an editor: {outcome.Message}", outcome.ReportPath);
    }

    private async Task<IngestionReport?> RestampAsync(IngestionEntity held, CancellationToken cancellationToken)
    {
        var plan = await reports.LoadAsync(held.Report, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var path = IngestionPaths.Report(held.PartitionKey, now, held.RowKey);
        var published = plan with
        {
            Status = IngestStatus.Ingested,
            IngestedAt = now,
            CurrentVersion = plan.Version,
            Warnings = [$"Confirmed by an editor at {now:O} after being held for review.", .. plan.Warnings],
        };

        // The plan first, then the receipt that points at it: an interrupted confirmation is finished by the next one.
        published = await reports.SaveAsync(path, published, cancellationToken);
        await receipts.UpdateAsync(held.PartitionKey, held.RowKey, null, r =>
        {
            r.Status = IngestStatus.Pending;
            r.IngestedAt = now;
            r.AttemptStartedAt = now;
            r.Report = path;
            r.ConfirmedAt = now;
            r.Attempts++;
        }, cancellationToken);
        return published;
    }

    private static string Clip(string? value) => value is { Length: > 80 } ? value[..80] + "…" : value ?? "";
}
