using Azure;
using Pcc.Functions.Data;

namespace Pcc.Functions.Catalogue;

/// <summary>Reads ingest reports (JSON and text) for the API.</summary>
public sealed class ReportReader(PccStore store)
{
    /// <summary>A report's bytes and content type; null when there is no such report.</summary>
    public async Task<(byte[] Content, string ContentType)?> ReadAsync(string slug, string file, CancellationToken cancellationToken)
    {
        // Only names the ingest writes: no path segments, .json or .txt.
        if (!TableKeys.IsAppKey(slug) || file.Length > 255 || !file.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            || file.Contains("..", StringComparison.Ordinal) || Path.GetExtension(file) is not (".json" or ".txt"))
        {
            return null;
        }

        await store.EnsureCreatedAsync(cancellationToken);
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
}
