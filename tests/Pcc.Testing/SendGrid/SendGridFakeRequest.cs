using System.Text.Json;

namespace Pcc.Testing.SendGrid;

/// <summary>One request the fake received, whatever it answered.</summary>
/// <param name="Status">The status the fake answered (0 when it never answered).</param>
/// <param name="Authorization">The Authorization header as sent.</param>
/// <param name="Body">The JSON body, when it was JSON.</param>
public sealed record SendGridFakeRequest(int Status, string? Authorization, JsonElement? Body)
{
    /// <summary>The personalizations of an accepted request.</summary>
    public IReadOnlyList<JsonElement> Personalizations =>
        Body is { } body && body.TryGetProperty("personalizations", out var items) ? [.. items.EnumerateArray()] : [];

    /// <summary>
    /// The headers the message for one personalization carries, as SendGrid composes it: the request's
    /// <c>headers</c>, overridden by that personalization's own.
    /// </summary>
    public IReadOnlyDictionary<string, string> HeadersOf(int personalization)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Body is { } body)
        {
            Add(body, headers);
            Add(Personalizations[personalization], headers);
        }

        return headers;
    }

    /// <summary>The <c>to</c> address of one personalization.</summary>
    public string? To(int personalization) => Personalizations[personalization].GetProperty("to")[0].GetProperty("email").GetString();

    private static void Add(JsonElement owner, Dictionary<string, string> headers)
    {
        if (owner.TryGetProperty("headers", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in values.EnumerateObject())
            {
                headers[header.Name] = header.Value.GetString() ?? "";
            }
        }
    }
}
