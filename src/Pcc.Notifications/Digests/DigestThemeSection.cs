namespace Pcc.Notifications.Digests;

/// <summary>A part of a digest: a theme's changes, a followed briefing's, or those of the case studies followed one by one.</summary>
/// <param name="ThemeSlug">The theme's slug; for a briefing's section the briefing's slug; for followed case studies <see cref="FollowedCaseStudiesSlug"/>.</param>
/// <param name="Theme">The section's heading: the theme's title, the briefing's title, or "Case studies you follow".</param>
/// <param name="Items">Its changed case studies, one each.</param>
/// <param name="Kind">What the section gathers.</param>
public sealed record DigestThemeSection(string ThemeSlug, string Theme, IReadOnlyList<DigestChange> Items, DigestSectionKind Kind = DigestSectionKind.Theme)
{
    /// <summary>The slug of the section of case studies followed one by one.</summary>
    public const string FollowedCaseStudiesSlug = "case-studies-you-follow";

    /// <summary>The heading of the section of case studies followed one by one.</summary>
    public const string FollowedCaseStudiesHeading = "Case studies you follow";
}
