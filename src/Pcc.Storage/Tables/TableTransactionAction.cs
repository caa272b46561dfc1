using Azure;

namespace Pcc.Storage.Tables;

/// <summary>One operation of an entity group transaction (<see cref="TableClient.SubmitTransactionAsync"/>).</summary>
public sealed class TableTransactionAction
{
    /// <summary>Creates an action; <paramref name="etag"/> is the If-Match for updates and deletes (default: any version).</summary>
    public TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ActionType = actionType;
        Entity = entity;
        ETag = etag;
    }

    /// <summary>The operation.</summary>
    public TableTransactionActionType ActionType { get; }

    /// <summary>The entity the operation applies to.</summary>
    public ITableEntity Entity { get; }

    /// <summary>The If-Match condition for updates and deletes; <c>default</c> means any version.</summary>
    public ETag ETag { get; }
}
