using System.Globalization;

namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// The service's limits on keys, property names and sizes, checked before anything is sent so a bad entity fails
/// with a message naming the property instead of a bare 400
/// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model).
/// </summary>
internal static class EntityLimits
{
    /// <summary>Keys are strings up to 1 KiB; strings are stored as UTF-16, so 512 characters.</summary>
    public const int MaxKeyChars = 1024 / sizeof(char);

    /// <summary>String properties are up to 64 KiB, i.e. 32,768 UTF-16 characters.</summary>
    public const int MaxStringChars = 64 * 1024 / sizeof(char);

    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxPropertyNameChars = 255;
    public const int MaxEntityBytes = 1024 * 1024;

    public static void Validate(EntityPayload entity)
    {
        ValidateKey(nameof(ITableEntity.PartitionKey), entity.PartitionKey);
        ValidateKey(nameof(ITableEntity.RowKey), entity.RowKey);
        if (entity.Properties.Count > MaxCustomProperties)
        {
            throw new ArgumentException(
                $"The entity has {entity.Properties.Count} properties; the Table service allows at most {MaxCustomProperties} besides PartitionKey, RowKey and Timestamp.");
        }

        long size = 4 + (entity.PartitionKey.Length + entity.RowKey.Length) * 2L;
        foreach (var (name, value) in entity.Properties)
        {
            ValidatePropertyName(name);
            size += 8 + name.Length * 2L + ValueSize(name, value);
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException(
                $"The entity (PartitionKey '{Abbreviate(entity.PartitionKey)}', RowKey '{Abbreviate(entity.RowKey)}') is about {size:N0} bytes; " +
                $"the Table service stores entities up to 1 MiB ({MaxEntityBytes:N0} bytes).");
        }
    }

    /// <summary>Checks a PartitionKey or RowKey: not null, at most 1 KiB, none of <c>/ \ # ?</c> or control characters.</summary>
    public static void ValidateKey(string keyName, string? key)
    {
        if (key is null)
        {
            throw new ArgumentException($"{keyName} is null; every entity needs a {keyName} (it may be empty).", keyName);
        }

        if (key.Length > MaxKeyChars)
        {
            throw new ArgumentException(
                $"{keyName} is {key.Length} characters; keys are at most 1 KiB ({MaxKeyChars} UTF-16 characters).", keyName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || IsControl(c))
            {
                throw new ArgumentException(
                    $"{keyName} '{Abbreviate(key)}' contains {Describe(c)}; keys may not contain '/', '\\', '#', '?' " +
                    "or control characters (U+0000-U+001F, U+007F-U+009F).", keyName);
            }
        }
    }

    /// <summary>Property names follow C# identifier rules and are at most 255 characters; the system names are reserved.</summary>
    public static void ValidatePropertyName(string name)
    {
        if (name.Length is 0 or > MaxPropertyNameChars)
        {
            throw new ArgumentException($"Property name '{Abbreviate(name)}' is {name.Length} characters; names are 1 to {MaxPropertyNameChars}.", name);
        }

        var valid = (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
        if (!valid)
        {
            throw new ArgumentException(
                $"Property name '{Abbreviate(name)}' is not valid; names follow C# identifier rules (a letter or '_', then letters, digits or '_').", name);
        }
    }

    private static long ValueSize(string name, object value)
    {
        switch (value)
        {
            case string s when s.Length > MaxStringChars:
                throw new ArgumentException(
                    $"Property '{name}' is a string of {s.Length:N0} characters; string properties are at most 64 KiB ({MaxStringChars:N0} UTF-16 characters).", name);
            case string s:
                return 4 + s.Length * 2L;
            case byte[] b when b.Length > MaxBinaryBytes:
                throw new ArgumentException(
                    $"Property '{name}' is {b.Length:N0} bytes of binary; binary properties are at most 64 KiB ({MaxBinaryBytes:N0} bytes).", name);
            case byte[] b:
                return 4 + b.Length;
            case bool:
                return 1;
            case int:
                return 4;
            case Guid:
                return 16;
            default:
                return 8; // long, double, DateTime
        }
    }

    private static bool IsControl(char c) => c <= '\u001F' || c is >= '\u007F' and <= '\u009F';

    private static string Describe(char c) =>
        IsControl(c) ? $"the control character U+{(int)c:X4}" : $"'{c.ToString(CultureInfo.InvariantCulture)}'";

    private static string Abbreviate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
