namespace Pcc.Functions.Subscriptions.Models;

/// <summary>The body of <c>POST /api/subscriptions</c>: at least one theme, briefing or case study to follow.</summary>
/// <param name="Email">The address to subscribe.</param>
/// <param name="Themes">Theme slugs, as <c>GET /api/themes</c> lists them.</param>
/// <param name="Frequency"><c>immediate</c>, <c>daily</c> or <c>weekly</c>.</param>
/// <param name="IncludeMinorCorrections">Also send editorial changes (minor corrections); no when left out.</param>
/// <param name="Briefings">Briefing slugs, as <c>GET /api/briefings</c> lists them.</param>
/// <param name="CaseStudies">Case-study keys, as <c>GET /api/case-studies</c> lists them.</param>
public sealed record SubscribeRequest(string? Email, IReadOnlyList<string?>? Themes, string? Frequency, bool? IncludeMinorCorrections = null,
    IReadOnlyList<string?>? Briefings = null, IReadOnlyList<string?>? CaseStudies = null);
