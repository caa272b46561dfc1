using System.Globalization;

namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// Values as OData literals for <c>$filter</c> and entity keys, quoted and escaped so that no value can change
/// the shape of the expression ("Querying tables and entities",
/// https://learn.microsoft.com/rest/api/storageservices/querying-tables-and-entities#supported-comparison-operators).
/// </summary>
internal static class ODataLiteral
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => System.Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => ((long)u).ToString(CultureInfo.InvariantCulture) + "L",
        double d => Double(d),
        float f => Double(f),
        DateTimeOffset d => DateTime(d),
        DateTime d => DateTime(TableValue.ToOffset(d)),
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{System.Convert.ToHexStringLower(bytes)}'",
        BinaryData data => $"X'{System.Convert.ToHexStringLower(data.ToMemory().Span)}'",
        Enum e => Quote(e.ToString()),
        _ => throw new ArgumentException(
            $"A {value.GetType().Name} cannot be a filter value; use string, bool, int, long, double, DateTimeOffset, DateTime, Guid, byte[], BinaryData or an enum."),
    };

    /// <summary>A string literal: single quotes around it, single quotes inside doubled.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Double(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{value} cannot be a filter value: OData has no literal for it.");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // A whole number such as "2" would be an Int32 literal; keep it a double.
        return text.AsSpan().IndexOfAny('.', 'E') < 0 ? text + ".0" : text;
    }

    private static string DateTime(DateTimeOffset value) =>
        $"datetime'{value.UtcDateTime.ToString(EdmType.DateTimeFormat, CultureInfo.InvariantCulture)}'";
}
