using Azure;

namespace Pcc.Storage.Tables;

/// <summary>An entity's system properties: its keys, the service's timestamp and its ETag for optimistic concurrency.</summary>
public interface ITableEntity
{
    /// <summary>The partition the entity belongs to.</summary>
    string PartitionKey { get; set; }

    /// <summary>The entity's key within its partition.</summary>
    string RowKey { get; set; }

    /// <summary>When the service last modified the entity; set by the service, ignored when writing.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's version, to pass as <c>ifMatch</c> when updating or deleting it.</summary>
    ETag ETag { get; set; }
}
