using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;

namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// How a typed entity's public read/write properties map to table properties, built once per type.
/// The <see cref="ITableEntity"/> members are the system properties; <see cref="IgnoreDataMemberAttribute"/> opts a property out.
/// </summary>
internal sealed class EntityTypeMap
{
    private static readonly ConcurrentDictionary<Type, EntityTypeMap> s_maps = new();

    private static readonly HashSet<string> s_systemNames = new(StringComparer.Ordinal)
    {
        nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag),
    };

    private static readonly HashSet<Type> s_supported =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(DateTimeOffset),
        typeof(DateTime), typeof(Guid), typeof(byte[]), typeof(BinaryData),
    ];

    private readonly PropertyInfo[] _properties;

    private EntityTypeMap(Type type)
    {
        _properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .Where(p => p.GetMethod!.IsPublic && p.SetMethod!.IsPublic)
            .Where(p => !s_systemNames.Contains(p.Name) && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .ToArray();

        foreach (var property in _properties)
        {
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!s_supported.Contains(valueType) && !valueType.IsEnum)
            {
                throw new NotSupportedException(
                    $"{type.Name}.{property.Name} is a {property.PropertyType.Name}, which has no table property type; " +
                    "use string, bool, int, long, double, DateTimeOffset, DateTime, Guid, byte[], BinaryData or an enum, " +
                    "or mark it [IgnoreDataMember].");
            }
        }
    }

    public static EntityTypeMap For(Type type) => s_maps.GetOrAdd(type, static t => new EntityTypeMap(t));

    /// <summary>The entity's custom property values, by name.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Read(ITableEntity entity) =>
        _properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(entity)));

    /// <summary>Sets the entity's properties from stored values; stored properties the type lacks are ignored.</summary>
    public void Write(ITableEntity entity, IReadOnlyDictionary<string, object?> values)
    {
        foreach (var property in _properties)
        {
            if (values.TryGetValue(property.Name, out var value))
            {
                property.SetValue(entity, Convert(value, property));
            }
        }
    }

    private static object? Convert(object? value, PropertyInfo property)
    {
        var target = property.PropertyType;
        var valueType = Nullable.GetUnderlyingType(target) ?? target;
        if (value is null)
        {
            return valueType.IsValueType && valueType == target ? Activator.CreateInstance(target) : null;
        }

        if (valueType.IsInstanceOfType(value))
        {
            return value;
        }

        return (valueType, value) switch
        {
            ({ IsEnum: true }, string name) => Enum.TryParse(valueType, name, out var member) ? member : throw new InvalidOperationException(
                $"Stored property '{property.Name}' is '{name}', which is not a member of {valueType.Name}."),
            ({ IsEnum: true }, int number) => Enum.ToObject(valueType, number),
            _ when valueType == typeof(long) && value is int i => (long)i,
            _ when valueType == typeof(double) && value is int i => (double)i,
            _ when valueType == typeof(double) && value is long l => (double)l,
            _ when valueType == typeof(DateTime) && value is DateTimeOffset d => d.UtcDateTime,
            _ when valueType == typeof(DateTimeOffset) && value is DateTime d => TableValue.ToOffset(d),
            _ when valueType == typeof(BinaryData) && value is byte[] b => new BinaryData(b),
            _ when valueType == typeof(byte[]) && value is BinaryData d => d.ToArray(),
            _ when valueType == typeof(Guid) && value is string s && Guid.TryParse(s, out var g) => g,
            _ => throw new InvalidOperationException(
                $"Stored property '{property.Name}' is a {value.GetType().Name}, which does not convert to " +
                $"{property.DeclaringType?.Name}.{property.Name} ({target.Name})."),
        };
    }
}
