using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.Ledger;

namespace Pcc.Catalogue.Health;

/// <summary>
/// The readings behind <c>GET /api/health</c>, each one bounded request: the briefings container's properties, each
/// queue's properties, the head of each frequency's <c>DigestRuns</c> partition (newest window first, so one row), and
/// the ingest receipts' slug, status and time. Every reading runs at once, within <see cref="Timeout"/>.
/// </summary>
/// <remarks>
/// Its own small service rather than Microsoft.Extensions.Diagnostics.HealthChecks: the answer is mostly readings
/// (depths, runs, the last ingest) that a health check could only carry as an untyped data dictionary.
/// </remarks>
public sealed class AppHealth(PccStore store, DigestLedger ledger, QueueServiceClient queues, IReadOnlyList<string> queueNames, TimeProvider time, ILogger<AppHealth> logger)
{
    /// <summary>How long the readings may take together; the SDK's retries of a refused connection stop there.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>How the Functions host names a queue's poison queue: <c>{queue}-poison</c>.</summary>
    public const string PoisonSuffix = "-poison";

    private static readonly DigestFrequency[] Frequencies = [DigestFrequency.Immediate, DigestFrequency.Daily, DigestFrequency.Weekly];

    /// <summary>Takes the readings; a service that does not answer is reported, never thrown.</summary>
    public async Task<HealthReport> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var token = timeout.Token;

        var blobs = Reading("blobs", async () => (await store.BriefingBlobs.ExistsAsync(token)).Value, cancellationToken);
        var depths = queueNames.Select(name => Reading($"queue {name}", () => DepthAsync(name, token), cancellationToken)).ToList();
        var runs = Frequencies.Select(f => Reading($"digest runs ({f})", () => LatestRunAsync(f, token), cancellationToken)).ToList();
        var ingest = Reading("ingestions", () => LastIngestAsync(token), cancellationToken);
        await Task.WhenAll([blobs, ingest, .. depths, .. runs]);

        foreach (var (name, depth) in queueNames.Zip(depths, (name, depth) => (name, depth.Result.Value)))
        {
            if (depth > 0 && name.EndsWith(PoisonSuffix, StringComparison.Ordinal))
            {
                // The alert on poison messages searches for this line; the availability test asks for health every five minutes.
                logger.LogWarning("Poison queue {Queue} holds {Messages} messages; `pcc poison list` shows them.", name, depth);
            }
        }

        var tablesAnswered = ingest.Result.Answered && runs.All(r => r.Result.Answered);
        var storage = new StorageReachability(tablesAnswered, blobs.Result.Answered, depths.All(d => d.Result.Answered));
        return new HealthReport(
            storage is { Tables: true, Blobs: true, Queues: true },
            time.GetUtcNow(),
            storage,
            [.. queueNames.Zip(depths, (name, depth) => new QueueDepth(name, depth.Result.Answered ? depth.Result.Value : null))],
            Frequencies.Zip(runs).ToDictionary(p => DigestRunEntity.PartitionFor(p.First), p => p.Second.Result.Value),
            ingest.Result.Value);
    }

    private async Task<int?> DepthAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await queues.GetQueueClient(name).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The host creates a poison queue with its first message: no queue, nothing in it.
            return 0;
        }
    }

    private async Task<LastDigestRun?> LatestRunAsync(DigestFrequency frequency, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.GetLatestRunAsync(frequency, cancellationToken) is { } run ? LastDigestRun.From(run) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    // Ingestions has one row per uploaded version and no key in time order; three columns of it are one page for
    // thousands of uploads, the size the editors' ingest log reads whole.
    private async Task<LastIngest?> LastIngestAsync(CancellationToken cancellationToken)
    {
        LastIngest? last = null;
        try
        {
            var rows = store.Ingestions.QueryAsync<TableEntity>(
                select: ["PartitionKey", nameof(IngestionEntity.Status), nameof(IngestionEntity.IngestedAt)], cancellationToken: cancellationToken);
            await foreach (var row in rows)
            {
                if (row.GetDateTimeOffset(nameof(IngestionEntity.IngestedAt)) is { } at && (last is null || at > last.At))
                {
                    last = new LastIngest(row.PartitionKey, row.GetString(nameof(IngestionEntity.Status)) ?? "", at);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        return last;
    }

    // A reading that fails for any reason (refused connection, the timeout, 403, 5xx) says the service did not answer;
    // only the caller's own cancellation ends the request. The log names the reading and the error's type and status,
    // not its message, which holds the account's address.
    private async Task<(bool Answered, T? Value)> Reading<T>(string what, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await read());
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Health: {Reading} did not answer ({Error}{Status}).", what, ex.GetType().Name, ex is RequestFailedException r ? $" {r.Status}" : "");
            return (false, default);
        }
    }
}
