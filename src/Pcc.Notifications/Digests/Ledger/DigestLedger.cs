using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Pcc.Notifications.Digests.Ledger;

/// <summary>
/// The record of digest runs (<c>DigestRuns</c>) and of each window's batches (<c>Deliveries</c>, with each batch's
/// content and recipients in a blob), which makes a window go to each subscriber once however often, and however many
/// senders at once, it runs.
/// </summary>
/// <remarks>
/// A window's plan is written once: its batches (blobs, then rows under a fresh plan id) and then the plan id in the
/// run row, an update on the ETag read, so of two runs planning at once only one plan is ever used. Every subscriber is
/// in exactly one batch of it. A batch is claimed by an update on the ETag read before it is handed to the provider
/// and its outcome written after, so of two deliveries of the same batch message only one sends.
/// </remarks>
public sealed class DigestLedger
{
    /// <summary>The default name of the runs table.</summary>
    public const string RunsTableName = "DigestRuns";

    /// <summary>The default name of the deliveries table.</summary>
    public const string DeliveriesTableName = "Deliveries";

    /// <summary>The default name of the container of batch contents.</summary>
    public const string BatchesContainerName = "digest-batches";

    /// <summary>How the batches' blobs are written and read.</summary>
    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    private readonly TableClient _runs;
    private readonly TableClient _batches;
    private readonly BlobContainerClient _contents;

    /// <summary>Creates a ledger over the two tables and the (private) container of batch contents.</summary>
    public DigestLedger(TableClient runs, TableClient batches, BlobContainerClient contents)
    {
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _batches = batches ?? throw new ArgumentNullException(nameof(batches));
        _contents = contents ?? throw new ArgumentNullException(nameof(contents));
    }

    /// <summary>A ledger over the account's <c>DigestRuns</c> and <c>Deliveries</c> tables and <c>digest-batches</c> container (or those named).</summary>
    public static DigestLedger Create(TableServiceClient tables, BlobServiceClient blobs, string runsTable = RunsTableName, string batchesTable = DeliveriesTableName, string container = BatchesContainerName)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(blobs);
        return new DigestLedger(tables.GetTableClient(runsTable), tables.GetTableClient(batchesTable), blobs.GetBlobContainerClient(container));
    }

    /// <summary>Creates the tables and the container if they do not exist.</summary>
    public async Task CreateTablesIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        await _runs.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _batches.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _contents.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
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

    /// <summary>Counts a run of the window and its start time, touching nothing else in the row (totals belong to the batches' senders).</summary>
    public async Task RecordRunStartedAsync(DigestRunEntity run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var touch = new TableEntity(run.PartitionKey, run.RowKey)
        {
            [nameof(DigestRunEntity.Runs)] = run.Runs,
            [nameof(DigestRunEntity.StartedAt)] = run.StartedAt,
        };
        await _runs.UpdateEntityAsync(touch, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The batches of <paramref name="window"/>'s committed plan, in order.</summary>
    public IAsyncEnumerable<DigestBatchEntity> ListBatchesAsync(DigestWindow window, string planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {window.Id} and RowKey ge {planId + "-"} and RowKey lt {planId + "."}");
        return _batches.QueryAsync<DigestBatchEntity>(filter, cancellationToken: cancellationToken);
    }

    /// <summary>True when some batch of the window's plan <paramref name="planId"/> waits to be sent or retried.</summary>
    public async Task<bool> AnyUnsettledBatchAsync(DigestWindow window, string planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {window.Id} and RowKey ge {planId + "-"} and RowKey lt {planId + "."} and (State eq {nameof(DigestBatchState.Pending)} or State eq {nameof(DigestBatchState.Deferred)})");
        await foreach (var _ in _batches.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }

    /// <summary>One batch's row, or null when there is no such batch.</summary>
    public async Task<DigestBatchEntity?> GetBatchAsync(DigestWindow window, string batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var response = await _batches.GetEntityIfExistsAsync<DigestBatchEntity>(window.Id, batch, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Writes one batch of a plan being written: its content and recipients to a create-only blob, then its row.
    /// Nothing refers to it until <see cref="TryUpdateRunAsync"/> names the plan in the run row, so the batches of a
    /// plan whose writing stopped part way are never sent.
    /// </summary>
    internal async Task WriteBatchAsync(DigestBatchEntity row, string followSet, DigestContent content, DigestBatchBlob recipients, CancellationToken cancellationToken = default)
    {
        using (recipients)
        {
            var json = recipients.Complete(row.PartitionKey, followSet, content);
            await _contents.GetBlobClient(row.Blob).UploadAsync(json, overwrite: false, cancellationToken).ConfigureAwait(false);
        }

        await _batches.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the run row on the ETag the caller read: how a plan is committed (false: another run committed one first,
    /// and its batches are the window's) and how totals are written without undoing a newer writer's.
    /// </summary>
    public async Task<bool> TryUpdateRunAsync(DigestRunEntity run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            var response = await _runs.UpdateEntityAsync(run, run.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            run.ETag = response.Headers.ETag ?? run.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Creates a window's run row if there is none; either way returns the stored row, with its ETag.</summary>
    public async Task<DigestRunEntity> GetOrAddRunAsync(DigestRunEntity run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await _runs.AddEntityAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another run created it first.
        }

        return (await _runs.GetEntityAsync<DigestRunEntity>(run.PartitionKey, run.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>A batch's content and recipients, as written when the window was planned.</summary>
    public async Task<DigestBatchContent> ReadContentAsync(DigestBatchEntity batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var download = await _contents.GetBlobClient(batch.Blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return download.Value.Content.ToObjectFromJson<DigestBatchContent>(Json)
            ?? throw new InvalidOperationException($"The batch blob {batch.Blob} is empty.");
    }

    /// <summary>
    /// Takes or changes a batch on the ETag the caller read (claim, outcome, or an operator's retake). Returns false when
    /// someone else changed the row first (412); the caller's ETag is updated on success.
    /// </summary>
    public async Task<bool> TryUpdateBatchAsync(DigestBatchEntity batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            var response = await _batches.UpdateEntityAsync(batch, batch.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            batch.ETag = response.Headers.ETag ?? batch.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }
}
