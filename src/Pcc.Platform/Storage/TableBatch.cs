using Azure.Data.Tables;

namespace Pcc.Platform.Storage;

/// <summary>
/// Entity group transactions the service accepts: at most 100 actions, all of one partition. Checked here because
/// Azurite accepts a mixed-partition batch that Azure rejects, and answers a 101-action batch with a reply the SDK
/// cannot parse.
/// </summary>
public static class TableBatch
{
    /// <summary>The most actions one transaction may hold.</summary>
    public const int MaxActions = 100;

    /// <summary>Submits <paramref name="actions"/> as one transaction, after checking they fit in one.</summary>
    public static Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        if (actions.FirstOrDefault(a => !string.Equals(a.Entity.PartitionKey, partition, StringComparison.Ordinal)) is { } other)
        {
            throw new ArgumentException(
                $"A transaction's entities share one PartitionKey; '{other.Entity.PartitionKey}' is not '{partition}'.", nameof(actions));
        }

        return table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>
    /// Submits <paramref name="actions"/> as one transaction per partition and per 100 actions: the partitions at once,
    /// each partition's transactions in order. For writes whose partitions do not depend on one another.
    /// </summary>
    public static Task SubmitPartitionsConcurrentlyAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return Task.WhenAll(actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal).Select(partition => SubmitPartitionAsync(table, partition, cancellationToken)));
    }

    /// <summary>Submits <paramref name="actions"/> as one transaction per partition and per 100 actions, in order.</summary>
    public static async Task SubmitInChunksAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            await SubmitPartitionAsync(table, partition, cancellationToken).ConfigureAwait(false);
        }
    }

    // One partition's actions, 100 to a transaction, in order.
    private static async Task SubmitPartitionAsync(TableClient table, IEnumerable<TableTransactionAction> partition, CancellationToken cancellationToken)
    {
        foreach (var chunk in partition.Chunk(MaxActions))
        {
            await SubmitAsync(table, chunk, cancellationToken).ConfigureAwait(false);
        }
    }
}
