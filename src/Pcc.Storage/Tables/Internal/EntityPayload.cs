namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// An entity reduced to what goes on the wire: its keys and its custom properties with non-null values of
/// the supported types (<see cref="TableValue.Normalize"/>), in a stable order.
/// </summary>
internal sealed class EntityPayload
{
    private static readonly HashSet<string> s_systemKeys = new(StringComparer.Ordinal)
    {
        nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), TableEntity.ETagKey,
    };

    private EntityPayload(string partitionKey, string rowKey, IReadOnlyList<KeyValuePair<string, object>> properties)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
        Properties = properties;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    public IReadOnlyList<KeyValuePair<string, object>> Properties { get; }

    /// <summary>Reads and validates an entity; throws <see cref="ArgumentException"/> naming what breaks a service limit.</summary>
    public static EntityPayload From(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var source = entity is TableEntity dictionary
            ? dictionary.Where(p => !s_systemKeys.Contains(p.Key))
            : EntityTypeMap.For(entity.GetType()).Read(entity);

        var properties = new List<KeyValuePair<string, object>>();
        foreach (var (name, value) in source)
        {
            if (value is not null)
            {
                properties.Add(new(name, TableValue.Normalize(name, value)));
            }
        }

        var payload = new EntityPayload(entity.PartitionKey, entity.RowKey, properties);
        EntityLimits.Validate(payload);
        return payload;
    }
}
