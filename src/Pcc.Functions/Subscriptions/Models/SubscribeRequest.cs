namespace Pcc.Functions.Subscriptions.Models;

/// <summary>The body of <c>POST /api/subscriptions</c>.</summary>
/// <param name="Email">The address to subscribe.</param>
/// <param name="Themes">Theme slugs, as <c>GET /api/themes</c> lists them.</param>
/// <param name="Frequency"><c>immediate</c>, <c>daily</c> or <c>weekly</c>.</param>
/// <param name="IncludeMinorCorrections">Also send editorial changes (minor corrections); no when left out.</param>
public sealed record SubscribeRequest(string? Email, IReadOnlyList<string?>? Themes, string? Frequency, bool? IncludeMinorCorrections = null);
