using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Pcc.Storage.Internal;

/// <summary>
/// Reads the service's error code and message into <see cref="RequestFailedException"/>: blob and queue errors are
/// XML (<c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;</c>), table errors JSON (<c>odata.error</c>), and every service
/// also sends <c>x-ms-error-code</c>.
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        try
        {
            var body = response.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body))
            {
                (code, message) = body.TrimStart().StartsWith('<') ? FromXml(body, code) : FromJson(body, code);
            }
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException or InvalidOperationException)
        {
            // An unreadable body still leaves the status and the x-ms-error-code header.
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? code);
        return error is not null;
    }

    private static (string? Code, string? Message) FromXml(string body, string? code)
    {
        var root = XDocument.Parse(body).Root;
        return (code ?? root?.Element("Code")?.Value, root?.Element("Message")?.Value?.Split('\n')[0]);
    }

    private static (string? Code, string? Message) FromJson(string body, string? code)
    {
        using var json = JsonDocument.Parse(body);
        if (json.RootElement.TryGetProperty("odata.error", out var error))
        {
            var message = error.TryGetProperty("message", out var m)
                ? m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString()
                : null;
            code ??= error.TryGetProperty("code", out var c) ? c.GetString() : null;
            return (code, message?.Split('\n')[0]);
        }

        return (code, null);
    }
}
