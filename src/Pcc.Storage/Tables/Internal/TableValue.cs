using System.Globalization;
using System.Text.Json;

namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// Property values between .NET and the service's types: strings, booleans, Int32, Int64, doubles, DateTime (UTC),
/// GUIDs and binary (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#property-types).
/// </summary>
internal static class TableValue
{
    /// <summary>
    /// The wire form of a value: one of <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>,
    /// <see cref="double"/>, <see cref="DateTimeOffset"/> (UTC), <see cref="Guid"/> or <see cref="byte"/>[].
    /// Enums are stored by name.
    /// </summary>
    public static object Normalize(string name, object value) => value switch
    {
        string or bool or int or long or double or Guid or byte[] => value,
        DateTimeOffset d => CheckDate(name, d.ToUniversalTime()),
        DateTime d => CheckDate(name, ToOffset(d)),
        BinaryData b => b.ToArray(),
        Enum e => e.ToString(),
        _ => throw new ArgumentException(
            $"Property '{name}' is a {value.GetType().Name}; table properties are string, bool, int, long, double, " +
            "DateTimeOffset, DateTime, Guid, byte[], BinaryData or an enum (stored as its name).", name),
    };

    /// <summary>A <see cref="DateTime"/> as UTC; an unspecified kind is taken to be UTC already.</summary>
    public static DateTimeOffset ToOffset(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };

    /// <summary>Writes a normalized value with the type annotation the service needs to keep its type.</summary>
    public static void Write(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                // JSON numbers lose precision beyond 2^53, so Int64 travels as a string with its type.
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                writer.WriteString(name + EdmType.AnnotationSuffix, EdmType.Int64);
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                // Without the annotation a whole-valued double such as 2.0 would be stored as Int32.
                writer.WriteString(name + EdmType.AnnotationSuffix, EdmType.Double);
                break;
            case DateTimeOffset d:
                writer.WriteString(name, d.UtcDateTime.ToString(EdmType.DateTimeFormat, CultureInfo.InvariantCulture));
                writer.WriteString(name + EdmType.AnnotationSuffix, EdmType.DateTime);
                break;
            case Guid g:
                writer.WriteString(name, g.ToString("D"));
                writer.WriteString(name + EdmType.AnnotationSuffix, EdmType.Guid);
                break;
            case byte[] bytes:
                writer.WriteBase64String(name, bytes);
                writer.WriteString(name + EdmType.AnnotationSuffix, EdmType.Binary);
                break;
            default:
                throw new InvalidOperationException($"Property '{name}' was not normalized ({value.GetType().Name}).");
        }
    }

    /// <summary>Reads a value from a minimal-metadata response, honouring its <c>@odata.type</c> annotation when present.</summary>
    public static object? Read(JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return edmType switch
        {
            EdmType.Int64 => value.ValueKind == JsonValueKind.String
                ? long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : value.GetInt64(),
            EdmType.Double => value.ValueKind == JsonValueKind.String
                ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                : value.GetDouble(),
            EdmType.DateTime => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            EdmType.Guid => Guid.Parse(value.GetString()!),
            EdmType.Binary => value.GetBytesFromBase64(),
            EdmType.Int32 => value.GetInt32(),
            _ => ReadUntyped(value),
        };
    }

    private static object? ReadUntyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        // A number without an annotation is Int32 when written as an integer (2), a double otherwise (2.0, 1E3).
        JsonValueKind.Number => value.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && value.TryGetInt32(out var i) ? i : (object)value.GetDouble(),
        _ => value.GetRawText(),
    };

    private static DateTimeOffset CheckDate(string name, DateTimeOffset value) =>
        value < EdmType.MinDateTime
            ? throw new ArgumentException(
                $"Property '{name}' is {value:O}; the Table service stores dates from 1601-01-01T00:00:00Z on " +
                "(an unset DateTime property is 0001-01-01: make it nullable or give it a value).", name)
            : value;
}
