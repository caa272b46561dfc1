namespace Pcc.Storage.Tables;

/// <summary>How an update treats the stored entity's properties.</summary>
public enum TableUpdateMode
{
    /// <summary>Properties sent overwrite stored ones; stored properties not sent are kept (HTTP MERGE).</summary>
    Merge,

    /// <summary>The stored entity is replaced: stored properties not sent are removed (HTTP PUT).</summary>
    Replace,
}
