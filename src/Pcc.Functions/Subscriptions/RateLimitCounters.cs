using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// Fixed one-minute windows counted in a table, so every instance of the app shares one count. A count is raised with
/// an ETag-conditional write (412: another instance won, read again); a count already at its limit is not written.
/// Rows of past windows are deleted by the request that opens a later window's <c>all</c> row, so rows live about two minutes.
/// </summary>
public sealed class RateLimitCounters(TableClient table, Func<CancellationToken, Task> ensureCreated, TimeProvider time)
{
    /// <summary>The window every limit counts in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The key of the count across all clients, whose new window's first request clears past windows.</summary>
    public const string AllKey = "all";

    private const int MaxAttempts = 20;

    /// <summary>
    /// Counts one request against <paramref name="key"/> (a-z, 0-9 and <c>-</c>) unless the window's count has reached
    /// <paramref name="limit"/>; returns null when counted, else how long until the window ends.
    /// </summary>
    public async Task<TimeSpan?> TryCountAsync(string key, int limit, CancellationToken cancellationToken)
    {
        await ensureCreated(cancellationToken);
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.Ticks - (now.Ticks % Window.Ticks), TimeSpan.Zero);
        var window = start.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var retryAfter = start + Window - now;

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<RateLimitCounterEntity>(window, key, cancellationToken: cancellationToken);
            try
            {
                if (!row.HasValue)
                {
                    await table.AddEntityAsync(new RateLimitCounterEntity { PartitionKey = window, RowKey = key, Count = 1 }, cancellationToken);
                    if (key == AllKey)
                    {
                        await DeleteBeforeAsync(window, cancellationToken);
                    }

                    return null;
                }

                var counter = row.Value!;
                if (counter.Count >= Math.Max(1, limit))
                {
                    return retryAfter;
                }

                counter.Count++;
                await table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace, cancellationToken);
                return null;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another request (of any instance) wrote the row first: read it again.
                await Task.Delay(Random.Shared.Next(1, 5 * (attempt + 1)), cancellationToken);
            }
        }

        // Still losing the race after many tries means a flood on this key: refusing is the safe answer.
        return retryAfter;
    }

    private async Task DeleteBeforeAsync(string window, CancellationToken cancellationToken)
    {
        var old = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey lt {window}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        await foreach (var row in old)
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Another instance cleared it.
            }
        }
    }
}
