using Azure;

namespace Pcc.Storage.Tables;

/// <summary>
/// An entity group transaction the service rejected; none of its actions were applied.
/// <see cref="FailedTransactionActionIndex"/> says which action failed, when the service says so.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    internal TableTransactionFailedException(RequestFailedException inner, int? failedIndex, TableTransactionAction? failedAction)
        : base(inner.Status, Describe(inner, failedIndex, failedAction), inner.ErrorCode, inner)
    {
        FailedTransactionActionIndex = failedIndex;
    }

    /// <summary>The zero-based index of the action that failed, or null when the service did not name one.</summary>
    public int? FailedTransactionActionIndex { get; }

    private static string Describe(RequestFailedException inner, int? index, TableTransactionAction? action)
    {
        var which = index is null || action is null
            ? "An action"
            : $"Action {index} ({action.ActionType} PartitionKey '{action.Entity.PartitionKey}', RowKey '{action.Entity.RowKey}')";
        return $"The transaction was rolled back. {which} failed with status {inner.Status} ({inner.ErrorCode}).\n{inner.Message}";
    }
}
