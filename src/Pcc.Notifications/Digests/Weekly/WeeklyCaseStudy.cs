namespace Pcc.Notifications.Digests.Weekly;

/// <summary>A case study the summary points to.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Title">Its title.</param>
/// <param name="Theme">Its theme's title.</param>
/// <param name="Briefing">The title (or slug) of the briefing it came from.</param>
/// <param name="Url">Its public link.</param>
public sealed record WeeklyCaseStudy(string Key, string Title, string Theme, string Briefing, string Url);
