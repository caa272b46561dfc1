namespace Pcc.Functions.Subscriptions.Models;

/// <summary>
/// The body of <c>PUT /api/subscriptions/me</c>: the new settings. Frequency is required; each follow list left out
/// keeps what is followed of its kind, and the result must follow at least one thing.
/// </summary>
/// <param name="Themes">Theme slugs; left as they were when left out.</param>
/// <param name="Frequency"><c>immediate</c>, <c>daily</c> or <c>weekly</c>.</param>
/// <param name="IncludeMinorCorrections">Also send editorial changes (minor corrections); left as it was when left out.</param>
/// <param name="Briefings">Briefing slugs; left as they were when left out.</param>
/// <param name="CaseStudies">Case-study keys; left as they were when left out.</param>
public sealed record SubscriptionChange(IReadOnlyList<string?>? Themes, string? Frequency, bool? IncludeMinorCorrections = null,
    IReadOnlyList<string?>? Briefings = null, IReadOnlyList<string?>? CaseStudies = null);
