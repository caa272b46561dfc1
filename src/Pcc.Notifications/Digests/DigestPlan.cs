namespace Pcc.Notifications.Digests;

/// <summary>What a window's digest run will send.</summary>
/// <param name="Window">The window.</param>
/// <param name="Items">The window's changes, one per case study (see <see cref="ChangeCollapser"/>).</param>
/// <param name="Audiences">One per distinct set of followed themes with at least one change.</param>
/// <param name="Empty">Recipients none of whose themes changed: they get no email.</param>
public sealed record DigestPlan(
    DigestWindow Window,
    IReadOnlyList<DigestChange> Items,
    IReadOnlyList<DigestAudience> Audiences,
    IReadOnlyList<DigestRecipient> Empty)
{
    /// <summary>How many recipients get an email.</summary>
    public int RecipientCount => Audiences.Sum(a => a.Recipients.Count);
}
