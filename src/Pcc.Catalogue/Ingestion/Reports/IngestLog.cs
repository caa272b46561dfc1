using Azure.Data.Tables;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>The ingests editors look at: the most recent ones, and one ingest with its report.</summary>
public sealed class IngestLog(PccStore store, IngestionReports reports)
{
    /// <summary>
    /// The most recent ingests, newest first. <c>Ingestions</c> holds one row per uploaded version, a small table read
    /// whole.
    /// </summary>
    public async Task<IReadOnlyList<IngestionEntity>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var rows = new List<IngestionEntity>();
        await foreach (var row in store.Ingestions.QueryAsync<IngestionEntity>(cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows.OrderByDescending(r => r.IngestedAt).Take(count).ToList();
    }

    /// <summary>The ingest of one blob version; null until the blob trigger has started it.</summary>
    public async Task<IngestionEntity?> FindAsync(string slug, string etag, CancellationToken cancellationToken)
    {
        if (!IsKey(slug) || !IsKey(etag))
        {
            return null;
        }

        await store.EnsureCreatedAsync(cancellationToken);
        return (await store.Ingestions.GetEntityIfExistsAsync<IngestionEntity>(slug, etag, cancellationToken: cancellationToken)).ValueOrDefault();
    }

    /// <summary>The report of an ingest; null while it is still being written.</summary>
    public async Task<IngestionReport?> ReportAsync(IngestionEntity ingest, CancellationToken cancellationToken)
    {
        if (ingest.Status == IngestStatus.Pending || ingest.Report.Length == 0)
        {
            return null;
        }

        return await reports.LoadAsync(ingest.Report, cancellationToken);
    }

    // Slugs and sanitised ETags are letters, digits and '-' only; anything else is not a key we wrote.
    private static bool IsKey(string value) => value.Length is > 0 and <= 200 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
