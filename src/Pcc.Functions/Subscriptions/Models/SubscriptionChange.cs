namespace Pcc.Functions.Subscriptions.Models;

/// <summary>The body of <c>PUT /api/subscriptions/me</c>: the new settings, both required.</summary>
/// <param name="Themes">Theme slugs.</param>
/// <param name="Frequency"><c>immediate</c>, <c>daily</c> or <c>weekly</c>.</param>
public sealed record SubscriptionChange(IReadOnlyList<string?>? Themes, string? Frequency);
