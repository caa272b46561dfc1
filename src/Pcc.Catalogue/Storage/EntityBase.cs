using Azure;
using Azure.Data.Tables;

namespace Pcc.Catalogue.Storage;

/// <summary>The key and concurrency members every stored row has.</summary>
public abstract class EntityBase : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }
}
