using System.Text.Json;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// The custom-handler request payload <c>{"Data":{...},"Metadata":{...}}</c>
/// (https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers#request-payload).
/// The host JSON-encodes plain string values a second time and sends blob content as base64, so the accessors
/// here unwrap both and never trust one shape.
/// </summary>
public sealed class FunctionInvocation
{
    private FunctionInvocation(string functionName, JsonElement data, JsonElement metadata)
    {
        FunctionName = functionName;
        Data = data;
        Metadata = metadata;
    }

    /// <summary>The invoked function.</summary>
    public string FunctionName { get; }

    /// <summary>Trigger and input binding data, by binding name.</summary>
    public JsonElement Data { get; }

    /// <summary>Trigger metadata: path tokens such as <c>name</c>, <c>Uri</c>, <c>Properties</c>, <c>sys</c>.</summary>
    public JsonElement Metadata { get; }

    /// <summary>Reads a payload; returns false with a reason when it is not the documented shape.</summary>
    public static bool TryParse(string functionName, JsonElement payload, out FunctionInvocation? invocation, out string? error)
    {
        invocation = null;
        if (payload.ValueKind != JsonValueKind.Object)
        {
            error = "The payload must be a JSON object with Data and Metadata.";
            return false;
        }

        var data = Property(payload, "Data");
        var metadata = Property(payload, "Metadata");
        if (data is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) } || metadata is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            error = "Data and Metadata must be JSON objects.";
            return false;
        }

        invocation = new FunctionInvocation(functionName, Clone(data), Clone(metadata));
        error = null;
        return true;
    }

    /// <summary>A metadata value as text, unwrapping a JSON-encoded string (<c>"\"name.txt\""</c> → <c>name.txt</c>).</summary>
    public string? GetMetadataString(string name) => Unwrap(Property(Metadata, name));

    /// <summary>A data value as text, unwrapping a JSON-encoded string.</summary>
    public string? GetDataString(string name) => Unwrap(Property(Data, name));

    /// <summary>A data value as bytes: base64 text, or a JSON array of byte values.</summary>
    public byte[]? GetDataBytes(string name)
    {
        var value = Property(Data, name);
        if (value is { ValueKind: JsonValueKind.Array } array)
        {
            return array.EnumerateArray().Select(b => b.TryGetByte(out var v) ? v : throw new FormatException($"Data.{name} is not a byte array.")).ToArray();
        }

        var text = Unwrap(value);
        return text is null ? null : Convert.FromBase64String(text);
    }

    /// <summary>A data value as a JSON object, whether the host sent an object or a JSON-encoded string of one.</summary>
    public JsonElement? GetDataObject(string name)
    {
        var value = Property(Data, name);
        if (value is { ValueKind: JsonValueKind.String } text)
        {
            using var inner = JsonDocument.Parse(text.GetString()!);
            return inner.RootElement.Clone();
        }

        return value is { ValueKind: JsonValueKind.Object } ? value : null;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // The host's casing has varied between versions, so names match case-insensitively.
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? Unwrap(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.String } element)
        {
            return value is { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } other ? other.GetRawText() : null;
        }

        var text = element.GetString()!;
        for (var depth = 0; depth < 3 && text.Length >= 2 && text[0] == '"' && text[^1] == '"'; depth++)
        {
            try
            {
                text = JsonSerializer.Deserialize<string>(text)!;
            }
            catch (JsonException)
            {
                break;
            }
        }

        return text;
    }

    private static JsonElement Clone(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? value.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
}
