using Azure;
using Pcc.Storage.Tables;

namespace Pcc.Storage.Tests.Tables;

/// <summary>A typed entity with a property of every supported type.</summary>
public sealed class Reading : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Text { get; set; }
    public bool Flag { get; set; }
    public int Count { get; set; }
    public long Big { get; set; }
    public double Ratio { get; set; }
    public DateTimeOffset Taken { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public DateTime TakenUtc { get; set; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public Guid Id { get; set; }
    public byte[]? Bytes { get; set; }
    public BinaryData? Data { get; set; }
    public Colour Colour { get; set; }
    public int? MaybeCount { get; set; }
    public long? MaybeBig { get; set; }
    public DateTimeOffset? MaybeTaken { get; set; }
    public Guid? MaybeId { get; set; }
    public Colour? MaybeColour { get; set; }
}

public enum Colour
{
    Red,
    Green,
    Blue,
}
