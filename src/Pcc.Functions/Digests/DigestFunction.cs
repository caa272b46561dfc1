using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary>
/// A digest timer: on each scheduled tick, sends every window of its frequency that has closed and not been sent
/// (<see cref="DigestRunner.CatchUpAsync"/>, which knows that daily and weekly digests go at 07:30 UK time and
/// catches up missed windows); run on demand, also sends the window still open, up to now
/// (<see cref="DigestRunner.RunOpenWindowAsync"/>). Runs of one frequency take turns under a lock blob: a scheduled
/// window and an on-demand one computed at the same moment would otherwise overlap.
/// </summary>
public abstract class DigestFunction(DigestFrequency frequency, DigestRunner runner, PccStore store, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan s_lockWait = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs one invocation of the timer named <paramref name="functionName"/> and logs what it did, one line per window.
    /// </summary>
    protected async Task RunAsync(string functionName, TimerInfo? timer, CancellationToken cancellationToken)
    {
        var onDemand = TimerRun.IsOnDemand(timer, time.GetUtcNow());
        IReadOnlyList<DigestRunResult> results;
        await using (await AcquireLockAsync(cancellationToken))
        {
            results = onDemand
                ? await runner.RunOpenWindowAsync(frequency, cancellationToken)
                : await runner.CatchUpAsync(frequency, cancellationToken);
        }

        var lines = results.Select(Describe).ToList();
        if (lines.Count == 0)
        {
            lines.Add($"No {frequency.ToString().ToLowerInvariant()} window to send.");
        }

        foreach (var line in lines)
        {
            logger.LogInformation("{Function} ({Trigger}): {Line}", functionName, onDemand ? "on demand" : "schedule", line);
        }
    }

    // Failing the invocation on a timeout is safe: the next tick catches up whatever this one would have sent.
    private async Task<BlobLock> AcquireLockAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        return await BlobLock.AcquireAsync(store.Locks, $"digests/{frequency.ToString().ToLowerInvariant()}",
            new BlobLockOptions { Duration = TimeSpan.FromSeconds(60), AutoRenew = true }, s_lockWait, cancellationToken);
    }

    private static string Describe(DigestRunResult r) => r.AlreadyCompleted
        ? $"{r.Window.Id}: already sent ({r.Skipped} emails)."
        : $"{r.Window.Id}: {r.Status}; {r.Dispatched} batches queued, {r.Sent} sent, {r.Skipped} already sent, {r.Failed} failed, {r.Deferred} deferred, {r.Unconfirmed} unconfirmed, {r.Empty} without changes, of {r.Recipients} recipients.";
}
