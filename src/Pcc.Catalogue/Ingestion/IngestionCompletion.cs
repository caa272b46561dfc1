using Pcc.Briefings;
using Pcc.Catalogue.Ingestion.Attempts;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Related;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// The last step of every ingest, whoever runs it (the ingest itself, an editor confirming a held version, or the
/// settling of an abandoned ingest): apply, hold or fail a planned report, then complete its receipt. Callers hold the
/// catalogue lock.
/// </summary>
/// <remarks>
/// An applied report changes the catalogue, so the related case studies are recomputed before the receipt is
/// completed: an attempt that dies meanwhile is retried, applies again (which writes the same rows) and recomputes.
/// A recomputation that fails is logged and does not fail the ingest: the version is published, and the next change
/// recomputes the lists.
/// </remarks>
public sealed class IngestionCompletion(IngestionWriter writer, IngestionReceipts receipts, RelatedCaseStudies related, ILogger<IngestionCompletion> logger)
{
    /// <summary>Applies, holds or fails a planned report and completes its receipt; also used for a plan an abandoned attempt left.</summary>
    public Task<IngestionOutcome> FinishAsync(IngestionReport report, Dictionary<string, CaseStudyEntity> catalogue, CancellationToken cancellationToken) =>
        FinishAsync(report, catalogue, null, cancellationToken);

    /// <summary>As the overload without <paramref name="receipt"/>, completing the receipt from the copy the caller last wrote.</summary>
    public async Task<IngestionOutcome> FinishAsync(IngestionReport report, Dictionary<string, CaseStudyEntity> catalogue, StoredReceipt? receipt, CancellationToken cancellationToken)
    {
        var (blobName, slug, etag) = (report.BlobName, report.Slug, report.Etag);
        switch (report.Status)
        {
            case IngestStatus.Failed:
                var error = string.Join("; ", report.Errors.Select(e => e.Location is null ? $"{blobName}: {e.Message}" : $"{blobName} ({e.Location}): {e.Message}"));
                await EndAsync(slug, etag, IngestStatus.Failed, error, receipt, cancellationToken);
                return new IngestionOutcome(IngestStatus.Failed, $"The document could not be read: {error}", report, ReportPath(report));

            case IngestStatus.Held:
                await EndAsync(slug, etag, IngestStatus.Held, report.Warnings[0], receipt, cancellationToken);
                return new IngestionOutcome(IngestStatus.Held, $"briefings/{blobName} → version {report.Version} of '{slug}' is held for review: {report.Warnings[0]}", report, ReportPath(report));

            default:
                await writer.ApplyAsync(report, catalogue, cancellationToken);
                // A version that adds, changes or removes nothing (the same document uploaded again) leaves every list as it is.
                if (report.New.Count + report.Changed.Count + report.Removed.Count > 0)
                {
                    await RefreshRelatedAsync(report, catalogue, cancellationToken);
                }

                await EndAsync(slug, etag, IngestStatus.Completed, null, receipt, cancellationToken);
                var c = report.Counts;
                return new IngestionOutcome(IngestStatus.Ingested,
                    $"briefings/{blobName} → version {report.Version} of '{slug}': {Quantity.CaseStudiesInThemes(c.CaseStudies, c.Themes)}, {c.New} new, {c.Changed} changed, {c.Removed} removed.",
                    report, ReportPath(report));
        }
    }

    // From the catalogue as the writer left it: what the table now holds, so it is not read again.
    private async Task RefreshRelatedAsync(IngestionReport report, Dictionary<string, CaseStudyEntity> catalogue, CancellationToken cancellationToken)
    {
        try
        {
            await related.RecomputeAsync(catalogue.Values, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Version {Version} of {Slug} is published, but the related case studies were not recomputed; the next change to the catalogue recomputes them.", report.Version, report.Slug);
        }
    }

    private static string ReportPath(IngestionReport report) => IngestionPaths.Report(report.Slug, report.IngestedAt, report.Etag);

    private Task<IngestionEntity> EndAsync(string slug, string etag, string status, string? error, StoredReceipt? receipt, CancellationToken cancellationToken) =>
        receipts.UpdateAsync(slug, etag, null, r =>
        {
            r.Status = status;
            r.Error = error;
            r.AttemptsEnded++;
        }, receipt, cancellationToken);
}
