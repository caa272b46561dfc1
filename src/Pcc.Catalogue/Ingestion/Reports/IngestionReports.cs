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
        var json = BinaryData.FromObjectAsJson(report, BriefingIngestor.JsonOptions);
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
            return await LoadAsync(path, cancellationToken) ?? report;
        }

        await store.Reports.GetBlobClient(IngestionPaths.Summary(path)).UploadAsync(
            BinaryData.FromString(IngestionReportText.Render(report)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } },
            cancellationToken);
        return report;
    }
}
