using System.Text.Json;
using Azure;
using Pcc.Storage.Internal;
using Pcc.Storage.Tables.Internal;

namespace Pcc.Storage.Tables;

public sealed partial class TableClient
{
    private const int MaxTransactionActions = 100;
    private const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Applies up to 100 actions on entities of one partition atomically: all of them or none
    /// (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).
    /// The service's rules (one PartitionKey, each entity once, at most 4 MiB) are checked before sending.
    /// A rejected transaction throws <see cref="TableTransactionFailedException"/> naming the failing action.
    /// Returns one response per action, in order.
    /// </summary>
    public async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        using var message = CreateTransactionRequest(actions);
        var response = await _pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);

        var results = TransactionResponse.Parse(response);
        var failed = results.FirstOrDefault(r => r.Status >= 400);
        if (failed is not null)
        {
            var index = FailedActionIndex(failed, actions.Count);
            throw new TableTransactionFailedException(
                new RequestFailedException(failed, null, StorageErrorParser.Instance), index, index is null ? null : actions[index.Value]);
        }

        if (results.Count != actions.Count)
        {
            throw new RequestFailedException(response.Status, $"The transaction response holds {results.Count} results for {actions.Count} actions.");
        }

        return Response.FromValue<IReadOnlyList<Response>>(results, response);
    }

    private static List<(TableTransactionAction, EntityPayload)> ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException(
                $"A transaction holds 1 to {MaxTransactionActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        var payloads = new List<(TableTransactionAction, EntityPayload)>(actions.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i] ?? throw new ArgumentException($"Transaction action {i} is null.", nameof(actions));
            var payload = action.ActionType == TableTransactionActionType.Delete
                ? KeysOnly(action.Entity)
                : EntityPayload.From(action.Entity);
            if (!string.Equals(payload.PartitionKey, actions[0].Entity.PartitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Transaction action {i} has PartitionKey '{payload.PartitionKey}' but action 0 has '{actions[0].Entity.PartitionKey}'; " +
                    "a transaction's entities must all share one PartitionKey.", nameof(actions));
            }

            // The two keys joined by a character keys cannot contain.
            if (!seen.Add(payload.PartitionKey + "/" + payload.RowKey))
            {
                throw new ArgumentException(
                    $"Transaction action {i} repeats the entity with RowKey '{payload.RowKey}'; a transaction may touch each entity once.", nameof(actions));
            }

            payloads.Add((action, payload));
        }

        return payloads;
    }

    /// <summary>A delete sends no body, so only its keys are checked.</summary>
    private static EntityPayload KeysOnly(ITableEntity entity) => EntityPayload.From(new TableEntity(entity.PartitionKey, entity.RowKey));

    /// <summary>
    /// The service names the failing action by prefixing its error message with the action's index ("1:The specified
    /// entity already exists."); a transaction of one action can only have failed there.
    /// </summary>
    internal static int? FailedActionIndex(Response failed, int actionCount)
    {
        try
        {
            using var json = JsonDocument.Parse(failed.Content);
            if (json.RootElement.TryGetProperty("odata.error", out var error)
                && error.TryGetProperty("message", out var message)
                && (message.ValueKind == JsonValueKind.Object ? message.GetProperty("value").GetString() : message.GetString()) is { } text)
            {
                var colon = text.IndexOf(':');
                if (colon > 0 && int.TryParse(text.AsSpan(0, colon), out var index) && index >= 0 && index < actionCount)
                {
                    return index;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            // No readable error body: fall through.
        }

        return actionCount == 1 ? 0 : null;
    }
}
