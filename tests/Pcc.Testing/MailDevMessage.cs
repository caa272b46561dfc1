using System.Text.Json;

namespace Pcc.Testing;

/// <summary>A message as MailDev's REST API shows it (<c>GET /email</c>), parsed by its mailparser.</summary>
public sealed record MailDevMessage(
    string Id,
    string Subject,
    IReadOnlyList<string> To,
    IReadOnlyList<string> From,
    string? Text,
    string? Html,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A header by name, any case (MailDev lower-cases names).</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    internal static MailDevMessage Read(JsonElement email) => new(
        ReadText(email, "id") ?? "",
        ReadText(email, "subject") ?? "",
        Addresses(email, "to"),
        Addresses(email, "from"),
        ReadText(email, "text"),
        ReadText(email, "html"),
        ReadHeaders(email));

    private static string? ReadText(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Addresses(JsonElement email, string name) =>
        email.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(a => ReadText(a, "address") ?? "")]
            : [];

    private static Dictionary<string, string> ReadHeaders(JsonElement email)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (email.TryGetProperty("headers", out var all) && all.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in all.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
            }
        }

        return headers;
    }
}
