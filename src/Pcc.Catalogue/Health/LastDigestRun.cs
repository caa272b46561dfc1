using Pcc.Notifications.Digests.Ledger;

namespace Pcc.Catalogue.Health;

/// <summary>The newest window of a digest frequency in the ledger (<c>DigestRuns</c>), with its outcome so far.</summary>
/// <param name="Window">The window's id, e.g. <c>daily-20261123T0730Z</c>.</param>
/// <param name="WindowEnd">The window's end.</param>
/// <param name="Status"><c>planned</c>, <c>sending</c> or <c>completed</c>.</param>
/// <param name="Items">Case studies changed in the window.</param>
/// <param name="Recipients">Subscribers of the frequency when it was planned.</param>
/// <param name="Sent">Deliveries the provider accepted.</param>
/// <param name="Failed">Deliveries failed for good.</param>
/// <param name="Deferred">Deliveries waiting for a later attempt.</param>
/// <param name="Unconfirmed">Deliveries claimed with no outcome recorded.</param>
/// <param name="CompletedAt">When the window was completed; null while it is not.</param>
public sealed record LastDigestRun(
    string Window,
    DateTimeOffset WindowEnd,
    string Status,
    int Items,
    int Recipients,
    int Sent,
    int Failed,
    int Deferred,
    int Unconfirmed,
    DateTimeOffset? CompletedAt)
{
    /// <summary>The run row's readings.</summary>
    public static LastDigestRun From(DigestRunEntity run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new LastDigestRun(
            run.WindowId, run.WindowEnd, run.Status.ToString().ToLowerInvariant(), run.Items, run.Recipients,
            run.Sent, run.Failed, run.Deferred, run.Unconfirmed, run.CompletedAt);
    }
}
