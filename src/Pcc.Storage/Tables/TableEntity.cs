using System.Collections;
using Azure;

namespace Pcc.Storage.Tables;

/// <summary>
/// An entity as a dictionary of property names to values, for entities without a fixed shape.
/// Values are <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="DateTimeOffset"/>, <see cref="DateTime"/>, <see cref="Guid"/>, <see cref="byte"/>[] or <see cref="BinaryData"/>;
/// a null value is not stored. The system properties live under <c>PartitionKey</c>, <c>RowKey</c>, <c>Timestamp</c>
/// and <c>odata.etag</c>.
/// </summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    internal const string ETagKey = "odata.etag";

    private readonly Dictionary<string, object?> _properties;

    /// <summary>Creates an empty entity.</summary>
    public TableEntity() => _properties = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Creates an entity with the given keys.</summary>
    public TableEntity(string partitionKey, string rowKey) : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>Creates an entity holding a copy of <paramref name="values"/>.</summary>
    public TableEntity(IDictionary<string, object?> values) =>
        _properties = new Dictionary<string, object?>(values ?? throw new ArgumentNullException(nameof(values)), StringComparer.Ordinal);

    /// <summary>The partition the entity belongs to; null until set, which writing rejects.</summary>
    public string PartitionKey
    {
        // Null rather than "" when unset, so a forgotten key fails validation instead of writing to the "" partition.
        get => GetString(nameof(PartitionKey))!;
        set => _properties[nameof(PartitionKey)] = value;
    }

    /// <summary>The entity's key within its partition; null until set, which writing rejects.</summary>
    public string RowKey
    {
        get => GetString(nameof(RowKey))!;
        set => _properties[nameof(RowKey)] = value;
    }

    /// <inheritdoc />
    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(nameof(Timestamp));
        set => _properties[nameof(Timestamp)] = value;
    }

    /// <inheritdoc />
    public ETag ETag
    {
        get => GetString(ETagKey) is { } etag ? new ETag(etag) : default;
        set => _properties[ETagKey] = value == default ? null : value.ToString();
    }

    /// <summary>The value stored under <paramref name="key"/>, or null when there is none.</summary>
    public object? this[string key]
    {
        get => _properties.GetValueOrDefault(key);
        set => _properties[key] = value;
    }

    /// <summary>The property's string value; null when absent; throws if it holds another type.</summary>
    public string? GetString(string key) => Get<string>(key, v => v as string);

    /// <summary>The property's boolean value; null when absent; throws if it holds another type.</summary>
    public bool? GetBoolean(string key) => Get<bool?>(key, v => v as bool?);

    /// <summary>The property's 32-bit integer value; null when absent; throws if it holds another type.</summary>
    public int? GetInt32(string key) => Get<int?>(key, v => v as int?);

    /// <summary>The property's 64-bit integer value (a stored 32-bit value widens); null when absent.</summary>
    public long? GetInt64(string key) => Get<long?>(key, v => v switch { long l => l, int i => i, _ => null });

    /// <summary>The property's double value (a stored integer widens); null when absent.</summary>
    public double? GetDouble(string key) => Get<double?>(key, v => v switch { double d => d, int i => i, long l => l, _ => null });

    /// <summary>The property's date and time; null when absent; throws if it holds another type.</summary>
    public DateTimeOffset? GetDateTimeOffset(string key) =>
        Get<DateTimeOffset?>(key, v => v switch { DateTimeOffset d => d, DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)), _ => null });

    /// <summary>The property's date and time in UTC; null when absent; throws if it holds another type.</summary>
    public DateTime? GetDateTime(string key) => GetDateTimeOffset(key)?.UtcDateTime;

    /// <summary>The property's GUID value; null when absent; throws if it holds another type.</summary>
    public Guid? GetGuid(string key) => Get<Guid?>(key, v => v as Guid?);

    /// <summary>The property's binary value; null when absent; throws if it holds another type.</summary>
    public byte[]? GetBinary(string key) => Get<byte[]>(key, v => v switch { byte[] b => b, BinaryData d => d.ToArray(), _ => null });

    /// <summary>The property's binary value; null when absent; throws if it holds another type.</summary>
    public BinaryData? GetBinaryData(string key) => Get<BinaryData>(key, v => v switch { BinaryData d => d, byte[] b => new BinaryData(b), _ => null });

    private TValue? Get<TValue>(string key, Func<object, TValue?> convert)
    {
        if (!_properties.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }

        return convert(value) ?? throw new InvalidOperationException(
            $"Property '{key}' holds a {value.GetType().Name}, not a {Nullable.GetUnderlyingType(typeof(TValue))?.Name ?? typeof(TValue).Name}.");
    }

    /// <inheritdoc />
    public ICollection<string> Keys => _properties.Keys;

    /// <inheritdoc />
    public ICollection<object?> Values => _properties.Values;

    /// <inheritdoc />
    public int Count => _properties.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    /// <inheritdoc />
    public void Add(string key, object? value) => _properties.Add(key, value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc />
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);

    /// <inheritdoc />
    public void Clear() => _properties.Clear();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
