using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Pcc.Notifications.Storage;

namespace Pcc.Notifications.Subscriptions;

/// <summary>Reads subscribers and changes them with optimistic concurrency. See <see cref="SubscriberEntity"/> for the keys.</summary>
public sealed class SubscriberStore
{
    private const int MaxAttempts = 8;
    private readonly TableClient _table;
    private readonly Func<CancellationToken, Task> _ensureCreated;

    /// <summary>
    /// Uses <paramref name="table"/>; <paramref name="ensureCreated"/> runs before each operation (the app's store
    /// creates its tables once per process).
    /// </summary>
    public SubscriberStore(TableClient table, Func<CancellationToken, Task>? ensureCreated = null)
    {
        _table = table;
        _ensureCreated = ensureCreated ?? (_ => Task.CompletedTask);
    }

    /// <summary>The subscriber with <paramref name="id"/>, or null.</summary>
    public async Task<Subscriber?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        SubscriberIds.IsValid(id) ? (await ReadAsync(id, cancellationToken))?.ToSubscriber() : null;

    /// <summary>The subscriber with the (already normalised) <paramref name="address"/>, or null.</summary>
    public Task<Subscriber?> FindByAddressAsync(string address, CancellationToken cancellationToken = default) =>
        FindAsync(SubscriberIds.ForAddress(address), cancellationToken);

    /// <summary>Every active subscriber with <paramref name="frequency"/>, in id order, read page by page.</summary>
    public async IAsyncEnumerable<Subscriber> ListActiveAsync(SubscriptionFrequency frequency, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _ensureCreated(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {SubscriberEntity.Partition} and RowKey ge {DigestEntryEntity.RangeStart(frequency)} and RowKey lt {DigestEntryEntity.RangeEnd(frequency)}");
        await foreach (var entry in _table.QueryAsync<DigestEntryEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return entry.ToSubscriber(frequency);
        }
    }

    /// <summary>Whether the store holds any subscriber at all, in any state.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await _ensureCreated(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {SubscriberEntity.Partition} and RowKey ge {SubscriberEntity.RowPrefix} and RowKey lt {SubscriberEntity.RowPrefix[..^1] + "."}");
        await foreach (var _ in _table.QueryAsync<SubscriberEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// Marks the (already normalised) <paramref name="address"/> as <see cref="SubscriberStatus.Suppressed"/>: mail to
    /// it bounced or was reported, so it leaves the digest list and gets no email again, not even a confirmation. An
    /// address the store does not know is recorded as suppressed too, so a later subscribe request sends it nothing.
    /// Returns false when it was suppressed already.
    /// </summary>
    public Task<bool> SuppressAsync(string address, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var id = SubscriberIds.ForAddress(address);
        return ChangeAsync(id, entity =>
        {
            if (entity?.Status == SubscriberStatus.Suppressed)
            {
                return (null, false);
            }

            entity ??= new SubscriberEntity { RowKey = SubscriberEntity.RowKeyFor(id), Address = address, CreatedAt = at };
            entity.Status = SubscriberStatus.Suppressed;
            entity.UnsubscribedAt = at;
            entity.Generation++;
            return (entity, true);
        }, cancellationToken);
    }

    /// <summary>
    /// Reads the row (null when there is none), lets <paramref name="change"/> decide what to write (null: nothing) and
    /// writes it with its digest entry in one transaction, conditional on the version read. When someone else wrote in
    /// between, reads again and asks again, so <paramref name="change"/> must be free of side effects.
    /// </summary>
    internal async Task<TResult> ChangeAsync<TResult>(string id, Func<SubscriberEntity?, (SubscriberEntity? Write, TResult Result)> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(id, cancellationToken);
            var before = current is null ? null : DigestEntryEntity.For(current)?.RowKey;
            var (write, result) = change(current);
            if (write is null)
            {
                return result;
            }

            try
            {
                await WriteAsync(write, isNew: current is null, before, cancellationToken);
                return result;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Someone else created or changed the row since we read it.
            }
        }
    }

    private async Task<SubscriberEntity?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        await _ensureCreated(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<SubscriberEntity>(SubscriberEntity.Partition, SubscriberEntity.RowKeyFor(id), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private Task WriteAsync(SubscriberEntity entity, bool isNew, string? digestRowBefore, CancellationToken cancellationToken)
    {
        List<TableTransactionAction> actions =
        [
            isNew
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag),
        ];

        var digest = DigestEntryEntity.For(entity);
        if (digestRowBefore is not null && digestRowBefore != digest?.RowKey)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new DigestEntryEntity { RowKey = digestRowBefore }, ETag.All));
        }

        if (digest is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, digest));
        }

        EntityLimits.Validate(entity);
        return TableBatch.SubmitAsync(_table, actions, cancellationToken);
    }
}
