using Azure;
using Azure.Data.Tables;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Reading;

/// <summary>
/// Reads ingest reports (JSON and text) for the API. A published version's report describes only what the catalogue
/// shows anyway, so anyone may read it; the reports of held and failed versions hold text that was never published and
/// are for editors only.
/// </summary>
public sealed class ReportReader(PccStore store)
{
    /// <summary>
    /// A report's bytes and content type; null when there is no such report, or when <paramref name="editor"/> is false
    /// and it is not the report of a published version.
    /// </summary>
    public async Task<(byte[] Content, string ContentType)?> ReadAsync(string slug, string file, bool editor, CancellationToken cancellationToken)
    {
        // Only names the ingest writes: no path segments, .json or .txt.
        if (!TableKeys.IsAppKey(slug) || file.Length > 255 || !file.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            || file.Contains("..", StringComparison.Ordinal) || Path.GetExtension(file) is not (".json" or ".txt"))
        {
            return null;
        }

        await store.EnsureCreatedAsync(cancellationToken);
        if (!editor && !await IsPublishedAsync(slug, file, cancellationToken))
        {
            return null;
        }

        try
        {
            var download = (await store.Reports.GetBlobClient($"{slug}/{file}").DownloadContentAsync(cancellationToken)).Value;
            return (download.Content.ToArray(), file.EndsWith(".json", StringComparison.Ordinal) ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    // A published version's row names its JSON report; the text summary sits beside it.
    private async Task<bool> IsPublishedAsync(string slug, string file, CancellationToken cancellationToken)
    {
        var report = IngestionPaths.Report(slug, file);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {slug} and Report eq {report}");
        await foreach (var _ in store.BriefingVersions.QueryAsync<BriefingVersionEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }
}
