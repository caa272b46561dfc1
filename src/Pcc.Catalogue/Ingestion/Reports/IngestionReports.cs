using Azure;
using Azure.Storage.Blobs.Models;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>Reads and writes ingest reports (the JSON plan and the text summary beside it) in the reports container.</summary>
public sealed class IngestionReports(PccStore store)
{
    /// <summary>The report at <paramref name="path"/>; null when there is none.</summary>
    public async Task<IngestionReport?> LoadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await store.Reports.GetBlobClient(path).DownloadContentAsync(cancellationToken)).Value.Content;
            return content.ToObjectFromJson<IngestionReport>(BriefingIngestor.JsonOptions);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes a report once: when an earlier attempt already wrote one at <paramref name="path"/>, that plan is the one
    /// returned (and applied), so a retried ingest applies exactly what was planned first.
    /// </summary>
    public async Task<IngestionReport> SaveAsync(string path, IngestionReport report, CancellationToken cancellationToken)
    {
        // The plan and its summary are written together; the summary is only ever the rendering of the plan that stands.
        var plan = WriteOnceAsync(path, BinaryData.FromObjectAsJson(report, BriefingIngestor.JsonOptions), "application/json; charset=utf-8", cancellationToken);
        var summary = WriteSummaryAsync(path, report, cancellationToken);
        await Task.WhenAll(plan, summary);
        if (!await plan)
        {
            // An earlier attempt wrote its plan first: that one stands, and so must its summary.
            var earlier = await LoadAsync(path, cancellationToken) ?? report;
            await WriteSummaryAsync(path, earlier, cancellationToken);
            return earlier;
        }

        return report;
    }

    private Task WriteSummaryAsync(string path, IngestionReport report, CancellationToken cancellationToken) =>
        store.Reports.GetBlobClient(IngestionPaths.Summary(path)).UploadAsync(
            BinaryData.FromString(IngestionReportText.Render(report)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } },
            cancellationToken);

    // False when a blob is already there.
    private async Task<bool> WriteOnceAsync(string path, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await store.Reports.GetBlobClient(path).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
