using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;

namespace Pcc.Storage.Tables.Internal;

/// <summary>Entities to and from the service's JSON (https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations).</summary>
internal static class EntityJson
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(EntityPayload entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(ITableEntity.PartitionKey), entity.PartitionKey);
            writer.WriteString(nameof(ITableEntity.RowKey), entity.RowKey);
            foreach (var (name, value) in entity.Properties)
            {
                TableValue.Write(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one entity object of a minimal-metadata response into <typeparamref name="T"/>.</summary>
    public static T Read<T>(JsonElement json) where T : class, ITableEntity, new()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        string? etag = null;
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name == TableEntity.ETagKey)
            {
                etag = property.Value.GetString();
            }
            else if (!name.Contains('@') && !name.StartsWith("odata.", StringComparison.Ordinal))
            {
                var edmType = json.TryGetProperty(name + EdmType.AnnotationSuffix, out var type) ? type.GetString()
                    : name == nameof(ITableEntity.Timestamp) ? EdmType.DateTime
                    : null;
                values[name] = TableValue.Read(property.Value, edmType);
            }
        }

        if (typeof(T) == typeof(TableEntity))
        {
            values[TableEntity.ETagKey] = etag;
            return (T)(object)new TableEntity(values);
        }

        var entity = new T
        {
            PartitionKey = values.GetValueOrDefault(nameof(ITableEntity.PartitionKey)) as string ?? string.Empty,
            RowKey = values.GetValueOrDefault(nameof(ITableEntity.RowKey)) as string ?? string.Empty,
            Timestamp = values.GetValueOrDefault(nameof(ITableEntity.Timestamp)) as DateTimeOffset?,
            ETag = etag is null ? default : new ETag(etag),
        };
        EntityTypeMap.For(typeof(T)).Write(entity, values);
        return entity;
    }
}
