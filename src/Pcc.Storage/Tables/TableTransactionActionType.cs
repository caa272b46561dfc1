namespace Pcc.Storage.Tables;

/// <summary>The operation a <see cref="TableTransactionAction"/> performs.</summary>
public enum TableTransactionActionType
{
    /// <summary>Inserts the entity; the transaction fails if it exists.</summary>
    Add,

    /// <summary>Deletes the entity, subject to the action's ETag (any version when none is given).</summary>
    Delete,

    /// <summary>Merges into the existing entity, subject to the action's ETag (any version when none is given).</summary>
    UpdateMerge,

    /// <summary>Replaces the existing entity, subject to the action's ETag (any version when none is given).</summary>
    UpdateReplace,

    /// <summary>Merges into the entity, inserting it if it does not exist.</summary>
    UpsertMerge,

    /// <summary>Replaces the entity, inserting it if it does not exist.</summary>
    UpsertReplace,
}
