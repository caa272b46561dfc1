using System.Globalization;

namespace Pcc.Platform.Storage;

/// <summary>
/// The Table service's limits on keys, strings and entity size, checked where untrusted text reaches an entity, so a
/// bad value fails with a message naming it rather than a bare 400 (the SDK checks none of them)
/// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model).
/// </summary>
public static class EntityLimits
{
    /// <summary>Keys are strings up to 1 KiB, stored as UTF-16: 512 characters.</summary>
    public const int MaxKeyChars = 1024 / sizeof(char);

    /// <summary>String properties are up to 64 KiB, stored as UTF-16: 32,768 characters.</summary>
    public const int MaxStringChars = 64 * 1024 / sizeof(char);

    /// <summary>An entity is up to 1 MiB, keys and property names included.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>Checks a PartitionKey or RowKey: at most 1 KiB, none of <c>/ \ # ?</c> or control characters.</summary>
    public static void ValidateKey(string keyName, string key)
    {
        ArgumentNullException.ThrowIfNull(key, keyName);
        if (key.Length > MaxKeyChars)
        {
            throw new ArgumentException($"{keyName} is {key.Length} characters; keys are at most {MaxKeyChars}.", keyName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || IsControl(c))
            {
                throw new ArgumentException(
                    $"{keyName} '{Abbreviate(key)}' contains {Describe(c)}; keys may not contain '/', '\\', '#', '?' or control characters.", keyName);
            }
        }
    }

    /// <summary>
    /// Checks both keys and every string of <paramref name="entity"/>'s public properties against the limits, and its
    /// estimated stored size against 1 MiB.
    /// </summary>
    public static void Validate(Azure.Data.Tables.ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(nameof(entity.PartitionKey), entity.PartitionKey);
        ValidateKey(nameof(entity.RowKey), entity.RowKey);
        long size = 4 + (entity.PartitionKey.Length + entity.RowKey.Length) * 2L;
        foreach (var (name, value) in Properties(entity))
        {
            if (value is string text && text.Length > MaxStringChars)
            {
                throw new ArgumentException(
                    $"Property '{name}' is {text.Length:N0} characters; strings are at most {MaxStringChars:N0} (64 KiB).", name);
            }

            size += 8 + name.Length * 2L + value switch { string s => 4 + s.Length * 2L, byte[] b => 4 + b.Length, null => 0, _ => 8 };
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException(
                $"The entity (PartitionKey '{Abbreviate(entity.PartitionKey)}', RowKey '{Abbreviate(entity.RowKey)}') is about {size:N0} bytes; entities are at most 1 MiB.");
        }
    }

    /// <summary>A <see cref="Azure.Data.Tables.TableEntity"/>'s values, or a typed entity's public properties.</summary>
    private static IEnumerable<(string Name, object? Value)> Properties(Azure.Data.Tables.ITableEntity entity) =>
        entity is IDictionary<string, object> values
            ? values.Select(p => (p.Key, (object?)p.Value))
            : entity.GetType().GetProperties()
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .Select(p => (p.Name, p.GetValue(entity)));

    private static bool IsControl(char c) => c <= '\u001F' || c is >= '\u007F' and <= '\u009F';

    private static string Describe(char c) =>
        IsControl(c) ? $"the control character U+{(int)c:X4}" : $"'{c.ToString(CultureInfo.InvariantCulture)}'";

    private static string Abbreviate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
