using Azure;
using Azure.Data.Tables;
using Pcc.Notifications.Storage;

namespace Pcc.Notifications.Digests.Ledger;

/// <summary>
/// The record of digest runs (<c>DigestRuns</c>) and of each subscriber's delivery per window (<c>Deliveries</c>),
/// which makes a run resumable without sending anyone two digests for one window.
/// </summary>
/// <remarks>
/// A delivery is claimed with a create-only insert before its email is handed to the provider, and its outcome is
/// written after. The claim is what stops two runs of a window (overlapping timers, a catch-up racing a retry) from
/// both sending: a 409 means another run has it. Taking over a deferred or abandoned delivery is an update
/// conditional on the ETag the run read, so only one run wins that too.
/// </remarks>
public sealed class DigestLedger
{
    /// <summary>The default name of the runs table.</summary>
    public const string RunsTableName = "DigestRuns";

    /// <summary>The default name of the deliveries table.</summary>
    public const string DeliveriesTableName = "Deliveries";

    private readonly TableClient _runs;
    private readonly TableClient _deliveries;

    /// <summary>Creates a ledger over the two tables.</summary>
    public DigestLedger(TableClient runs, TableClient deliveries)
    {
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _deliveries = deliveries ?? throw new ArgumentNullException(nameof(deliveries));
    }

    /// <summary>A ledger over the account's <c>DigestRuns</c> and <c>Deliveries</c> tables (or the tables named).</summary>
    public static DigestLedger Create(TableServiceClient tables, string runsTable = RunsTableName, string deliveriesTable = DeliveriesTableName)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return new DigestLedger(tables.GetTableClient(runsTable), tables.GetTableClient(deliveriesTable));
    }

    /// <summary>Creates both tables if they do not exist.</summary>
    public async Task CreateTablesIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        await _runs.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _deliveries.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run row of <paramref name="window"/>, or null when no run has started for it.</summary>
    public async Task<DigestRunEntity?> GetRunAsync(DigestWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var response = await _runs.GetEntityIfExistsAsync<DigestRunEntity>(
            DigestRunEntity.PartitionFor(window.Frequency), DigestRunEntity.RowKeyFor(window.End), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The frequency's runs, newest window first.</summary>
    public IAsyncEnumerable<DigestRunEntity> ListRunsAsync(DigestFrequency frequency, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DigestRunEntity.PartitionFor(frequency)}");
        return _runs.QueryAsync<DigestRunEntity>(filter, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The frequency's run with the latest window end, whatever its status, or null: where the windows already taken
    /// end, so that no later window reaches back over them.
    /// </summary>
    public async Task<DigestRunEntity?> GetLatestRunAsync(DigestFrequency frequency, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DigestRunEntity.PartitionFor(frequency)}");
        await foreach (var run in _runs.QueryAsync<DigestRunEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return run;
        }

        return null;
    }

    /// <summary>The frequency's latest completed run, or null.</summary>
    public async Task<DigestRunEntity?> GetLatestCompletedRunAsync(DigestFrequency frequency, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {DigestRunEntity.PartitionFor(frequency)} and Status eq {nameof(DigestRunStatus.Completed)}");
        await foreach (var run in _runs.QueryAsync<DigestRunEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return run;
        }

        return null;
    }

    /// <summary>Writes the run row's fields (merging into what is stored; counts and status are the latest run's view).</summary>
    public async Task SaveRunAsync(DigestRunEntity run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await _runs.UpsertEntityAsync(run, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every delivery row of <paramref name="window"/>.</summary>
    public IAsyncEnumerable<DeliveryEntity> ListDeliveriesAsync(DigestWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {DeliveryEntity.FirstPartition(window)} and PartitionKey le {DeliveryEntity.LastPartition(window)}");
        return _deliveries.QueryAsync<DeliveryEntity>(filter, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Tries to claim each delivery: a new one (<see cref="ITableEntity.ETag"/> empty) by a create-only insert, a
    /// deferred or abandoned one by replacing it on the ETag the caller read. Returns the claims won; a delivery another
    /// run created or changed first (409, 412) is left to that run.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryEntity>> ClaimAsync(IReadOnlyList<DeliveryEntity> claims, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var won = new List<DeliveryEntity>(claims.Count);
        foreach (var group in claims.GroupBy(c => c.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in group.Chunk(TableBatch.MaxActions))
            {
                var actions = chunk.Select(c => c.ETag == default
                    ? new TableTransactionAction(TableTransactionActionType.Add, c)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, c, c.ETag)).ToList();
                try
                {
                    await TableBatch.SubmitAsync(_deliveries, actions, cancellationToken).ConfigureAwait(false);
                    won.AddRange(chunk);
                }
                catch (TableTransactionFailedException)
                {
                    // Someone else holds at least one of them (all or none of a transaction applies): claim one by one.
                    foreach (var claim in chunk)
                    {
                        if (await TryClaimOneAsync(claim, cancellationToken).ConfigureAwait(false))
                        {
                            won.Add(claim);
                        }
                    }
                }
            }
        }

        return won;
    }

    /// <summary>Records deliveries' outcomes (merging into their rows, whatever their version).</summary>
    public async Task RecordAsync(IReadOnlyList<DeliveryEntity> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        await TableBatch.SubmitInChunksAsync(
            _deliveries, outcomes.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertMerge, o)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> TryClaimOneAsync(DeliveryEntity claim, CancellationToken cancellationToken)
    {
        try
        {
            if (claim.ETag == default)
            {
                await _deliveries.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _deliveries.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }
}
