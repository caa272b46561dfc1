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
}
