using Pcc.Briefings.Themes;

namespace Pcc.Functions.Pages;

/// <summary>The feeds pages link to.</summary>
public static class FeedLinks
{
    /// <summary>Every change in the catalogue.</summary>
    public static FeedLink All { get; } = new("All changes", "/feeds/all.atom");

    /// <summary>One theme's changes.</summary>
    public static FeedLink Theme(Theme theme) => new($"Changes in {theme.Name}", $"/feeds/themes/{theme.Slug}.atom");
}
