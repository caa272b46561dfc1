namespace Pcc.Functions.Subscriptions.Models;

/// <summary>The body of <c>PUT /api/subscriptions/me</c>: the new settings; themes and frequency required.</summary>
/// <param name="Themes">Theme slugs.</param>
/// <param name="Frequency"><c>immediate</c>, <c>daily</c> or <c>weekly</c>.</param>
/// <param name="IncludeMinorCorrections">Also send editorial changes (minor corrections); left as it was when left out.</param>
public sealed record SubscriptionChange(IReadOnlyList<string?>? Themes, string? Frequency, bool? IncludeMinorCorrections = null);
