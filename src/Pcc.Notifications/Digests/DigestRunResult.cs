using Pcc.Notifications.Digests.Ledger;

namespace Pcc.Notifications.Digests;

/// <summary>What a digest run did for one window.</summary>
/// <param name="Window">The window.</param>
/// <param name="Status">The window's status after the run.</param>
/// <param name="Recipients">Subscribers of the frequency (0 when nothing changed, as they are then not listed).</param>
/// <param name="Sent">Emails this run handed to the provider, which accepted them.</param>
/// <param name="Skipped">Recipients already sent the window's digest by an earlier run.</param>
/// <param name="Failed">Recipients whose delivery failed for good, in this run or an earlier one.</param>
/// <param name="Deferred">Recipients left for the window's next run.</param>
/// <param name="Unconfirmed">Recipients claimed by another run, running or crashed, whose outcome is not recorded.</param>
/// <param name="Empty">Recipients none of whose themes changed: no email.</param>
/// <param name="Batches">Email batches this run handed to the transport itself (0 when they went to a queue).</param>
public sealed record DigestRunResult(
    DigestWindow Window,
    DigestRunStatus Status,
    int Recipients,
    int Sent,
    int Skipped,
    int Failed,
    int Deferred,
    int Unconfirmed,
    int Empty,
    int Batches)
{
    /// <summary>True when the window was already completed, so the run sent nothing.</summary>
    public bool AlreadyCompleted { get; init; }

    /// <summary>Batches dispatched by this run: queued for a sender, or sent in process.</summary>
    public int Dispatched { get; init; }

    /// <summary>True when <see cref="DigestRunOptions.StopWhen"/> stopped the run part-way.</summary>
    public bool Stopped { get; init; }
}
