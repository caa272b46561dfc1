namespace Pcc.Notifications.Digests;

/// <summary>A theme's part of a digest.</summary>
/// <param name="ThemeSlug">The theme's slug.</param>
/// <param name="Theme">The theme's title.</param>
/// <param name="Items">The theme's changed case studies, one each.</param>
public sealed record DigestThemeSection(string ThemeSlug, string Theme, IReadOnlyList<DigestChange> Items);
