namespace Pcc.Notifications.Digests.Weekly;

/// <summary>A theme's changes over the week (one per case study, as in digests).</summary>
/// <param name="ThemeSlug">The theme's slug.</param>
/// <param name="Theme">The theme's title.</param>
/// <param name="New">Case studies added.</param>
/// <param name="Changed">Case studies changed.</param>
/// <param name="Removed">Case studies removed.</param>
public sealed record WeeklyThemeCount(string ThemeSlug, string Theme, int New, int Changed, int Removed)
{
    /// <summary>All the theme's changes.</summary>
    public int Total => New + Changed + Removed;
}
