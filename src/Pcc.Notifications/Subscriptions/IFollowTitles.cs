namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// Names what subscribers follow: theme names from the taxonomy, briefing and case-study titles from the catalogue,
/// which this project does not read itself. The app composes the catalogue's implementation; tests supply lists.
/// </summary>
public interface IFollowTitles
{
    /// <summary>One item per followed thing, themes first, then briefings, then case studies, each in the order given; an unknown one has no title.</summary>
    Task<IReadOnlyList<FollowedItem>> DescribeAsync(Follows follows, CancellationToken cancellationToken = default);
}
