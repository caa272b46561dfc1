using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Pcc.Notifications.Digests;
using Pcc.Platform.Storage;

namespace Pcc.Notifications.Subscriptions;

/// <summary>Reads subscribers and changes them with optimistic concurrency. See <see cref="SubscriberEntity"/> for the keys.</summary>
public sealed class SubscriberStore
{
    private const int MaxAttempts = 8;
    private readonly TableClient _table;
    private readonly SubscriberKeys _keys;
    private readonly Func<CancellationToken, Task> _ensureCreated;

    /// <summary>
    /// Uses <paramref name="table"/>, and <paramref name="keys"/> for what is kept of addresses that left;
    /// <paramref name="ensureCreated"/> runs before each operation (the app's store creates its tables once per process).
    /// </summary>
    public SubscriberStore(TableClient table, SubscriberKeys keys, Func<CancellationToken, Task>? ensureCreated = null)
    {
        _table = table;
        _keys = keys;
        _ensureCreated = ensureCreated ?? (_ => Task.CompletedTask);
    }

    /// <summary>The subscriber with <paramref name="id"/>, or null.</summary>
    public async Task<Subscriber?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        SubscriberIds.IsValid(id) ? (await ReadAsync(id, cancellationToken))?.ToSubscriber() : null;

    /// <summary>
    /// The subscriber with the (already normalised) <paramref name="address"/>, in any spelling; for one that
    /// unsubscribed or bounced, what is kept of it (its status, no address); or null.
    /// </summary>
    public async Task<Subscriber?> FindByAddressAsync(string address, CancellationToken cancellationToken = default)
    {
        var id = SubscriberIds.ForAddress(address);
        return await FindAsync(id, cancellationToken) ?? (await FindMarkerAsync(id, cancellationToken))?.ToSubscriber(id);
    }

    /// <summary>Every active subscriber with <paramref name="frequency"/>, in id order, read page by page.</summary>
    public async IAsyncEnumerable<Subscriber> ListActiveAsync(DigestFrequency frequency, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
    /// Bars the (already normalised) <paramref name="address"/> for good: mail to it bounced or was reported. A known
    /// address leaves the list and its row is deleted, keeping only a <see cref="SuppressionEntity">keyed marker</see>,
    /// so no email (not even a confirmation) goes to it again; an address the store does not know is left unknown: no
    /// row is created for it. Returns false when nothing changed.
    /// </summary>
    public Task<bool> SuppressAsync(string address, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeAsync<bool>(SubscriberIds.ForAddress(address), (entity, marker) =>
        {
            if (marker?.Status == SubscriberStatus.Suppressed || (entity is null && marker is null))
            {
                return (null, null, false);
            }

            var generation = Math.Max(entity?.Generation ?? 0, marker?.Generation ?? 0) + 1;
            return (null, new SuppressionEntity { Status = SubscriberStatus.Suppressed, Generation = generation, At = at }, true);
        }, cancellationToken);

    /// <summary>
    /// Deletes requests whose confirmation link expired before <paramref name="expiredBefore"/>, and every pending
    /// subscriber left with none, address and all. Returns how many subscribers were deleted.
    /// </summary>
    public async Task<int> PurgeExpiredRequestsAsync(DateTimeOffset expiredBefore, CancellationToken cancellationToken = default)
    {
        await _ensureCreated(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {SubscriberEntity.Partition} and RowKey ge {SubscriberEntity.RowPrefix} and RowKey lt {SubscriberEntity.RowPrefix[..^1] + "."}");
        var deleted = 0;
        await foreach (var row in _table.QueryAsync<SubscriberEntity>(filter, select: [nameof(SubscriberEntity.RowKey), nameof(SubscriberEntity.Requests), nameof(SubscriberEntity.Status), nameof(SubscriberEntity.RequestedAt)], cancellationToken: cancellationToken))
        {
            var requests = PendingRequest.Read(row.Requests);
            var stale = requests.Count(r => r.At < expiredBefore);
            var expired = row.Status == SubscriberStatus.Pending && stale == requests.Count && (requests.Count > 0 || row.RequestedAt < expiredBefore);
            if (!expired && stale == 0)
            {
                continue;
            }

            bool Gone(SubscriberEntity e) => e.Status == SubscriberStatus.Pending && PendingRequest.Read(e.Requests).All(r => r.At < expiredBefore)
                && (e.Requests.Length > 0 || e.RequestedAt < expiredBefore);
            var remove = await ChangeAsync<bool>(row.Id, entity =>
            {
                if (entity is null || Gone(entity))
                {
                    return (null, entity is not null);
                }

                entity.Requests = PendingRequest.Write(PendingRequest.Read(entity.Requests).Where(r => r.At >= expiredBefore).ToList());
                return (entity, false);
            }, cancellationToken);
            if (remove && await DeleteAsync(row.Id, Gone, cancellationToken) > 0)
            {
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>
    /// Erases everything the store holds about the (already normalised) <paramref name="address"/>, in any spelling:
    /// its row, its digest entry and its suppression marker, and any row kept under an id from before ids ignored case.
    /// Returns how many rows held it.
    /// </summary>
    public async Task<int> EraseAsync(string address, CancellationToken cancellationToken = default)
    {
        var erased = 0;
        foreach (var row in await RowsHoldingAsync(address, cancellationToken))
        {
            var response = await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            erased += response.Status == 404 ? 0 : 1;
        }

        return erased;
    }

    /// <summary>
    /// What the store holds about the (already normalised) <paramref name="address"/>, in any spelling, property by
    /// property as stored: its row and digest entry (which carry the address) and its suppression marker (which does not).
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object>>> ExportAsync(string address, CancellationToken cancellationToken = default) =>
        [.. (await RowsHoldingAsync(address, cancellationToken)).Select(row => row.Where(p => p.Key != "odata.etag").ToDictionary(p => p.Key, p => p.Value))];

    // A scan of the partition rather than point reads, so that rows written under an older id scheme are found too.
    private async Task<List<TableEntity>> RowsHoldingAsync(string address, CancellationToken cancellationToken)
    {
        await _ensureCreated(cancellationToken);
        var id = SubscriberIds.ForAddress(address);
        var marker = SuppressionEntity.RowKeyFor(await _keys.ForIdAsync(id, cancellationToken));
        var found = new List<TableEntity>();
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {SubscriberEntity.Partition}"), cancellationToken: cancellationToken))
            {
                if (row.RowKey == marker || row.RowKey.EndsWith(id, StringComparison.Ordinal)
                    || string.Equals(row.GetString(nameof(SubscriberEntity.Address)), address, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(row);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing held.
        }

        return found;
    }

    /// <summary>
    /// Reads the row and the marker (null when there is none), lets <paramref name="change"/> decide what to write and
    /// writes it in one transaction, conditional on the version read: a row to add or replace (with its digest entry),
    /// and/or a marker to store (with no row, the row and its digest entry are deleted: the address is gone). When
    /// someone else wrote in between, reads again and asks again, so <paramref name="change"/> must be free of side effects.
    /// </summary>
    internal async Task<TResult> ChangeAsync<TResult>(
        string id, Func<SubscriberEntity?, SuppressionEntity?, (SubscriberEntity? Write, SuppressionEntity? Marker, TResult Result)> change, CancellationToken cancellationToken)
    {
        var markerKey = SuppressionEntity.RowKeyFor(await _keys.ForIdAsync(id, cancellationToken));
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(id, cancellationToken);
            var marker = await _table.GetEntityIfExistsAsync<SuppressionEntity>(SubscriberEntity.Partition, markerKey, cancellationToken: cancellationToken);
            var digestBefore = current is null ? null : DigestEntryEntity.For(current)?.RowKey;
            var (write, newMarker, result) = change(current, marker.HasValue ? marker.Value : null);
            if (write is null && newMarker is null)
            {
                return result;
            }

            try
            {
                if (newMarker is not null)
                {
                    newMarker.RowKey = markerKey;
                }

                await WriteAsync(current, digestBefore, write, newMarker, cancellationToken);
                return result;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // Someone else created, changed or deleted the row since we read it.
            }
        }
    }

    internal Task<TResult> ChangeAsync<TResult>(string id, Func<SubscriberEntity?, (SubscriberEntity? Write, TResult Result)> change, CancellationToken cancellationToken) =>
        ChangeAsync<TResult>(id, (entity, _) =>
        {
            var (write, result) = change(entity);
            return (write, null, result);
        }, cancellationToken);

    /// <summary>The suppression marker of a subscriber id, or null.</summary>
    internal async Task<SuppressionEntity?> FindMarkerAsync(string id, CancellationToken cancellationToken)
    {
        await _ensureCreated(cancellationToken);
        var key = SuppressionEntity.RowKeyFor(await _keys.ForIdAsync(id, cancellationToken));
        var response = await _table.GetEntityIfExistsAsync<SuppressionEntity>(SubscriberEntity.Partition, key, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task<int> DeleteAsync(string id, Func<SubscriberEntity, bool> when, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(id, cancellationToken);
        if (current is null || !when(current))
        {
            return 0;
        }

        List<TableTransactionAction> actions = [new(TableTransactionActionType.Delete, current, current.ETag)];
        if (DigestEntryEntity.For(current) is { } digest)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, digest, ETag.All));
        }

        try
        {
            await TableBatch.SubmitAsync(_table, actions, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or changed since (a new request): left for the next run.
            return 0;
        }

        return 1;
    }

    internal Task<SubscriberEntity?> ReadEntityAsync(string id, CancellationToken cancellationToken) =>
        SubscriberIds.IsValid(id) ? ReadAsync(id, cancellationToken) : Task.FromResult<SubscriberEntity?>(null);

    private async Task<SubscriberEntity?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        await _ensureCreated(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<SubscriberEntity>(SubscriberEntity.Partition, SubscriberEntity.RowKeyFor(id), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private Task WriteAsync(SubscriberEntity? current, string? digestBefore, SubscriberEntity? entity, SuppressionEntity? marker, CancellationToken cancellationToken)
    {
        var digest = entity is null ? null : DigestEntryEntity.For(entity);
        List<TableTransactionAction> actions = [];
        if (entity is not null)
        {
            EntityLimits.Validate(entity);
            actions.Add(current is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag));
        }
        else if (current is not null)
        {
            // A marker without a row: the address leaves the store.
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, current, current.ETag));
        }

        if (digestBefore is not null && digestBefore != digest?.RowKey)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new DigestEntryEntity { RowKey = digestBefore }, ETag.All));
        }

        if (digest is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, digest));
        }

        if (marker is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, marker));
        }

        return TableBatch.SubmitAsync(_table, actions, cancellationToken);
    }
}
