using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;
using Pcc.Platform.Telemetry;

namespace Pcc.Notifications.Digests;

/// <summary>
/// Runs one window's digests: plan → render once per distinct theme set → split into batches of at most
/// <see cref="DigestOptions.MaxRecipientsPerBatch"/> recipients of one theme set → write the plan to the ledger once →
/// dispatch one message per batch (to a queue in the Function App, where a function per message sends it; in process
/// elsewhere; see <see cref="IDigestBatchDispatcher"/> and <see cref="DigestBatchSender"/>).
/// </summary>
/// <remarks>
/// <para>Idempotent and resumable: a completed window sends nothing; a window run again uses the plan written the first
/// time, whoever has subscribed since, and dispatches only the batches not yet sent, so each subscriber gets one email
/// per window.</para>
/// <para>Crash semantics — at most once by default. A batch is claimed before it goes to the provider and its outcome
/// written after it answers, so a crash in between leaves it <c>claimed</c>, its email gone or not. The ledger cannot
/// tell which, so its recipients are reported as unconfirmed and not re-sent: a second copy of a digest is visible to
/// every affected reader and looks like a broken product, while a missing one costs a reader one summary of changes
/// the catalogue still shows. An operator who knows the batch never left (the logs show the provider was not reached)
/// runs the window again with <see cref="DigestRunOptions.ResendUnconfirmed"/>, which re-sends batches claimed longer
/// than <see cref="DigestOptions.ClaimLease"/> ago — never a live sender's fresh claim.</para>
/// <para>Deferred recipients (throttling, provider down) keep the window open; the batch is retried (by the queue after
/// <see cref="DigestOptions.DeferredRetryDelay"/>, and by each later run of the window) until
/// <see cref="DigestOptions.MaxDeliveryAttempts"/> makes them failed.</para>
/// </remarks>
public sealed class DigestRunner
{
    private readonly IDigestSource _source;
    private readonly DigestLedger _ledger;
    private readonly IDigestBatchDispatcher _dispatcher;
    private readonly DigestBatchSender _sender;
    private readonly DigestOptions _options;
    private readonly DigestRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates a runner that dispatches batches with <paramref name="dispatcher"/>; <paramref name="html"/> renders each
    /// audience's HTML part once, when the window's plan is written.
    /// </summary>
    public DigestRunner(
        IDigestSource source,
        DigestLedger ledger,
        IDigestBatchDispatcher dispatcher,
        DigestBatchSender sender,
        EmailHtmlRenderer html,
        IOptions<DigestOptions> options,
        TimeProvider timeProvider,
        ILogger<DigestRunner>? logger = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _options = options.Value;
        _renderer = new DigestRenderer(_options, html ?? throw new ArgumentNullException(nameof(html)));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxRecipientsPerBatch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.MaxRecipientsPerBatch, 1000);
    }

    /// <summary>
    /// Runs every window of <paramref name="frequency"/> that has closed and is not completed: those missed since the
    /// latest completed one (at most <see cref="DigestOptions.CatchUpLimit"/>, the most recent) and recent ones left
    /// with deferred deliveries. Oldest first. Safe to call on every timer tick, or more often: it never runs a window
    /// before it closes, and a completed window costs nothing.
    /// </summary>
    /// <remarks>
    /// A window run on demand (<see cref="RunOpenWindowAsync"/>) ends between occurrences; the next scheduled window then
    /// starts where it ended, so each change still falls in exactly one window.
    /// </remarks>
    public async Task<IReadOnlyList<DigestRunResult>> CatchUpAsync(DigestFrequency frequency, CancellationToken cancellationToken = default)
    {
        var limit = _options.CatchUpLimit(frequency);
        var latestCompleted = await _ledger.GetLatestCompletedRunAsync(frequency, cancellationToken).ConfigureAwait(false);
        var frontier = (await _ledger.GetLatestRunAsync(frequency, cancellationToken).ConfigureAwait(false))?.WindowEnd;
        var windows = DigestSchedule.MissedWindows(frequency, latestCompleted?.WindowEnd, _time.GetUtcNow(), limit)
            .Where(w => frontier is not { } taken || w.End > taken)
            .Select(w => frontier is { } taken && w.Start < taken ? w with { Start = taken } : w)
            .ToDictionary(w => w.End);

        var seen = 0;
        await foreach (var run in _ledger.ListRunsAsync(frequency, cancellationToken).ConfigureAwait(false))
        {
            if (run.Status == DigestRunStatus.Completed)
            {
                windows.Remove(run.WindowEnd);
            }
            else
            {
                windows.TryAdd(run.WindowEnd, run.ToWindow(frequency));
            }

            if (++seen >= limit)
            {
                break;
            }
        }

        var results = new List<DigestRunResult>();
        foreach (var window in windows.Values.OrderBy(w => w.End))
        {
            results.Add(await RunAsync(window, null, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// Sends now what would otherwise wait for the next occurrence: first <see cref="CatchUpAsync"/>, then the open
    /// window, from the end of the latest window run (scheduled or on demand) to now. For an
    /// operator's or a demo's "run it now". The ledger keys the window by its end like any other, so it is sent once;
    /// the next scheduled window starts where it ended. A change stamped before now but written after this run read
    /// the window (an ingest still in progress) is not sent, as at any window's end.
    /// </summary>
    public async Task<IReadOnlyList<DigestRunResult>> RunOpenWindowAsync(DigestFrequency frequency, CancellationToken cancellationToken = default)
    {
        var results = new List<DigestRunResult>(await CatchUpAsync(frequency, cancellationToken).ConfigureAwait(false));
        var end = _time.GetUtcNow().ToUniversalTime();
        var start = (await _ledger.GetLatestRunAsync(frequency, cancellationToken).ConfigureAwait(false))?.WindowEnd
            ?? DigestSchedule.LatestOccurrence(frequency, end);
        if (start < end)
        {
            results.Add(await RunAsync(new DigestWindow(frequency, start, end), null, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Runs one window's digests; see the type's remarks for what a repeated or overlapping run does.</summary>
    public async Task<DigestRunResult> RunAsync(DigestWindow window, DigestRunOptions? runOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        runOptions ??= new DigestRunOptions();
        var run = await _ledger.GetRunAsync(window, cancellationToken).ConfigureAwait(false);
        if (run is { Status: DigestRunStatus.Completed } && !runOptions.ResendUnconfirmed)
        {
            return new DigestRunResult(window, run.Status, run.Recipients, 0, run.Sent, run.Failed, run.Deferred, run.Unconfirmed, run.Empty, 0)
            {
                AlreadyCompleted = true,
            };
        }

        run = await PlanOnceAsync(window, run, cancellationToken).ConfigureAwait(false);
        var batches = await _ledger.ListBatchesAsync(window, run.PlanId!, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sentBefore = batches.Sum(b => b.Sent);
        var now = _time.GetUtcNow();
        int sent = 0, dispatched = 0, handed = 0;
        var stopped = false;
        foreach (var batch in batches)
        {
            if (!await ReadyAsync(batch, runOptions, now, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var outcome = await _dispatcher.DispatchAsync(new DigestBatchMessage(window.Frequency, window.Start, window.End, batch.RowKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            dispatched++;
            if (outcome is { SentBefore: false })
            {
                handed++;
                sent += outcome.Sent;
            }

            if (runOptions.StopWhen?.Invoke(sent) == true)
            {
                stopped = true;
                break;
            }
        }

        (run, var tally) = await _sender.RefreshRunAsync(window, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The run row of {window.Id} lost its plan.");
        var result = new DigestRunResult(window, run.Status, run.Recipients, sent, sentBefore, tally.Failed, tally.Deferred, tally.Unconfirmed, run.Empty, handed)
        {
            Dispatched = dispatched,
            Stopped = stopped,
        };
        Log(result);
        return result;
    }

    // A batch is dispatched when it waits to be sent or retried; one claimed and abandoned only when an operator asks,
    // after putting it back to pending on the ETag read, so a sender that recorded meanwhile wins.
    private async Task<bool> ReadyAsync(DigestBatchEntity batch, DigestRunOptions runOptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (batch.State)
        {
            case DigestBatchState.Pending or DigestBatchState.Deferred:
                return true;
            case DigestBatchState.Claimed when runOptions.ResendUnconfirmed && (batch.ClaimedAt is not { } at || now - at >= _options.ClaimLease):
                batch.State = DigestBatchState.Deferred;
                batch.Remaining ??= string.Join(',', Enumerable.Range(0, batch.Recipients));
                return await _ledger.TryUpdateBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            default:
                return false;
        }
    }

    // The plan is written once per window: later runs, and a run that lost the race to commit, use the committed one.
    private async Task<DigestRunEntity> PlanOnceAsync(DigestWindow window, DigestRunEntity? run, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        run ??= await _ledger.GetOrAddRunAsync(new DigestRunEntity
        {
            PartitionKey = DigestRunEntity.PartitionFor(window.Frequency),
            RowKey = DigestRunEntity.RowKeyFor(window.End),
            WindowId = window.Id,
            WindowStart = window.Start,
            WindowEnd = window.End,
            Status = DigestRunStatus.Planned,
            PlannedAt = now,
        }, cancellationToken).ConfigureAwait(false);
        if (run.PlanId is null)
        {
            var planId = Guid.NewGuid().ToString("N")[..12];
            var plan = await PlanAsync(window, planId, cancellationToken).ConfigureAwait(false);
            run.PlanId = planId;
            run.Batches = plan.Batches;
            run.Items = plan.Items;
            run.Recipients = plan.Recipients + plan.Empty;
            run.Empty = plan.Empty;
            run.Audiences = plan.Audiences;
            run.Status = DigestRunStatus.Sending;
            if (!await _ledger.TryUpdateRunAsync(run, cancellationToken).ConfigureAwait(false))
            {
                _logger.LogInformation("Digest run {Window}: another run planned the window first; its plan is used.", window.Id);
                run = await _ledger.GetRunAsync(window, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The run row of {window.Id} disappeared.");
            }
        }

        run.Runs++;
        run.StartedAt = now;
        await _ledger.RecordRunStartedAsync(run, cancellationToken).ConfigureAwait(false);
        return run;
    }

    // Streams the subscriber list into the plan's batches, each written as it fills: memory holds the open batches
    // and the audiences, not the list. Deterministic for a given list: a batch holds an audience's recipients in the
    // list's (subscriber-id) order, cut every MaxRecipientsPerBatch, or earlier when MaxOpenAudiences others joined since.
    private async Task<PlanCounts> PlanAsync(DigestWindow window, string planId, CancellationToken cancellationToken)
    {
        var changes = new List<DigestChange>();
        await foreach (var change in _source.ReadChangesAsync(window.Start, window.End, cancellationToken).ConfigureAwait(false))
        {
            changes.Add(change);
        }

        // The plan's span links to the traces of the ingests that recorded its changes: upload → ingest → digest → send.
        ActivityLink[] links = [.. changes.Select(c => c.TraceParent).OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxTraceLinks)
            .Select(t => ActivityContext.TryParse(t, null, out var context) ? new ActivityLink(context) : default).Where(l => l.Context != default)];
        using var activity = PccTelemetry.Source.StartActivity("PlanDigestWindow", ActivityKind.Internal, default(ActivityContext),
            [new("digest.window", window.Id), new("digest.changes", changes.Count)], links);
        var audiences = DigestPlanner.Audiences(changes);
        var writer = new DigestPlanWriter(window, planId, _ledger, _renderer, _options.MaxRecipientsPerBatch, _options.MaxOpenAudiences);
        var empty = 0;
        try
        {
            // Nothing changed: nobody gets an email, so the subscriber list need not be read (immediate windows mostly look like this).
            empty = changes.Count > 0 ? await StreamRecipientsAsync(window, audiences, writer, cancellationToken).ConfigureAwait(false) : 0;
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await writer.AbandonAsync().ConfigureAwait(false);
            throw;
        }

        activity?.SetTag("digest.recipients", writer.Recipients + empty);
        return new PlanCounts(audiences.Items.Count, writer.Recipients, empty, audiences.Count, writer.Batches);
    }

    // Hands each recipient with something to read to the writer; returns how many had nothing. The list comes in id
    // order, so a subscriber listed twice is listed twice in a row: checked without remembering everyone.
    private async Task<int> StreamRecipientsAsync(DigestWindow window, DigestAudiences audiences, DigestPlanWriter writer, CancellationToken cancellationToken)
    {
        var empty = 0;
        string? previous = null;
        await foreach (var recipient in _source.ListSubscribersAsync(window.Frequency, cancellationToken).ConfigureAwait(false))
        {
            var order = previous is null ? 1 : string.CompareOrdinal(recipient.SubscriberId, previous);
            if (order == 0)
            {
                continue;
            }

            if (order < 0)
            {
                throw new InvalidOperationException($"The subscriber list of {window.Id} is not in id order, so it cannot be planned once per subscriber.");
            }

            previous = recipient.SubscriberId;
            if (audiences.For(recipient) is { } audience)
            {
                await writer.AddAsync(audience, recipient, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                empty++;
            }
        }

        return empty;
    }

    private sealed record PlanCounts(int Items, int Recipients, int Empty, int Audiences, int Batches);

    // Enough to follow a window back to its uploads; a window of thousands of ingests keeps the first of them.
    private const int MaxTraceLinks = 32;

    private void Log(DigestRunResult result)
    {
        _logger.LogInformation(
            "Digest run {Window}: {Status}; {Recipients} recipients, {Sent} sent, {Skipped} already sent, {Failed} failed, {Deferred} deferred, {Unconfirmed} unconfirmed, {Empty} without changes, {Batches} batches.",
            result.Window.Id, result.Status, result.Recipients, result.Sent, result.Skipped, result.Failed, result.Deferred, result.Unconfirmed, result.Empty, result.Batches);
        if (result.Unconfirmed > 0)
        {
            _logger.LogWarning(
                "Digest run {Window}: {Unconfirmed} deliveries were claimed by another run that has not recorded their outcome; they are not re-sent unless the window is run with ResendUnconfirmed.",
                result.Window.Id, result.Unconfirmed);
        }
    }

}
