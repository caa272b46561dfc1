namespace Pcc.Notifications.Digests;

/// <summary>How one digest run behaves beyond the defaults.</summary>
public sealed class DigestRunOptions
{
    /// <summary>
    /// Re-send deliveries left claimed, with no outcome, for longer than <see cref="DigestOptions.ClaimLease"/> by a run
    /// that crashed (at-least-once for them: the provider may have accepted them already). Off by default: they are
    /// reported as unconfirmed and not sent again. An operator's decision, also allowed on a completed window.
    /// </summary>
    public bool ResendUnconfirmed { get; init; }

    /// <summary>
    /// Called after each batch is dispatched, with the number of deliveries this run has sent so far (in process; 0 when
    /// batches are queued); returning true stops the run there, leaving the window unfinished as a crash would. For tests and load trials.
    /// </summary>
    public Func<int, bool>? StopWhen { get; init; }
}
