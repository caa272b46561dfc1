using Azure;
using Pcc.Storage.Tables;

namespace Pcc.Storage.Tests.Tables;

/// <summary>A small typed entity for tests that are about operations, not types.</summary>
public sealed class Note : ITableEntity
{
    public Note()
    {
    }

    public Note(string partitionKey, string rowKey, string? text = null)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
        Text = text;
    }

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string? Text { get; set; }
    public int Number { get; set; }
}
