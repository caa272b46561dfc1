namespace Pcc.Functions.Subscriptions.Models;

/// <summary>The body of <c>POST /api/subscriptions</c>.</summary>
/// <param name="Email">The address to subscribe.</param>
/// <param name="Themes">Theme slugs, as <c>GET /api/themes</c> lists them.</param>
/// <param name="Frequency"><c>immediate</c>, <c>daily</c> or <c>weekly</c>.</param>
public sealed record SubscribeRequest(string? Email, IReadOnlyList<string?>? Themes, string? Frequency);
