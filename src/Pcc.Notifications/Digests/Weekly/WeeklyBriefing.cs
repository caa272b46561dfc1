namespace Pcc.Notifications.Digests.Weekly;

/// <summary>A briefing version ingested during the week, as the caller's briefing store describes it.</summary>
/// <param name="Briefing">The briefing's slug.</param>
/// <param name="Title">The briefing's title.</param>
/// <param name="Version">The version ingested.</param>
/// <param name="IngestedAt">When it was ingested.</param>
/// <param name="CaseStudies">How many case studies the version holds.</param>
public sealed record WeeklyBriefing(string Briefing, string Title, int Version, DateTimeOffset IngestedAt, int CaseStudies);
