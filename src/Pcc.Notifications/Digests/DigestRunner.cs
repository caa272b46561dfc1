using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email;

namespace Pcc.Notifications.Digests;

/// <summary>
/// Sends one window's digests: plan → render once per distinct theme set → claim → send in batches → record.
/// </summary>
/// <remarks>
/// <para>Idempotent and resumable: a completed window sends nothing; a run that stopped part-way, started again, skips
/// the deliveries recorded as sent and sends only the rest, so each subscriber gets one email per window.</para>
/// <para>Crash semantics — at most once by default. A claim is taken before the batch goes to the provider and the
/// outcome written after it answers, so a crash in between leaves rows <c>claimed</c> whose email may or may not have
/// gone. The ledger cannot tell which, so those rows are reported as unconfirmed and not re-sent: a second copy of a
/// digest is visible to every affected reader and looks like a broken product, while a missing one costs a reader one
/// summary of changes the catalogue still shows, and the window is so narrow (one batch's HTTP call) that it takes a
/// crash at exactly that moment. An operator who knows the batch never left (the logs show the provider was not
/// reached) runs the window again with <see cref="DigestRunOptions.ResendUnconfirmed"/>, which re-sends claims older
/// than <see cref="DigestOptions.ClaimLease"/> — never a live run's fresh claims.</para>
/// <para>Deferred deliveries (throttling, provider down) stay <c>deferred</c> and keep the window open; each later run of
/// the window retries them, until <see cref="DigestOptions.MaxDeliveryAttempts"/> makes them failed.</para>
/// </remarks>
public sealed class DigestRunner
{
    private readonly IDigestSource _source;
    private readonly DigestLedger _ledger;
    private readonly IEmailTransport _transport;
    private readonly DigestOptions _options;
    private readonly DigestRenderer _renderer;
    private readonly EmailAddress _from;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a runner.</summary>
    public DigestRunner(
        IDigestSource source,
        DigestLedger ledger,
        IEmailTransport transport,
        IOptions<DigestOptions> options,
        IOptions<EmailOptions> email,
        TimeProvider timeProvider,
        ILogger<DigestRunner>? logger = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _options = options.Value;
        _renderer = new DigestRenderer(_options);
        _from = email.Value.From;
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

        var plan = await PlanAsync(window, cancellationToken).ConfigureAwait(false);
        run = await SavePlannedAsync(window, run, plan, cancellationToken).ConfigureAwait(false);
        var sending = new RunState(plan, Guid.NewGuid().ToString("N"), runOptions);
        await foreach (var delivery in _ledger.ListDeliveriesAsync(window, cancellationToken).ConfigureAwait(false))
        {
            sending.Existing[delivery.SubscriberId] = delivery;
        }

        foreach (var audience in plan.Audiences)
        {
            if (!await SendAudienceAsync(window, audience, sending, cancellationToken).ConfigureAwait(false))
            {
                _logger.LogWarning("Digest run {Window} stopped after {Sent} deliveries, as asked.", window.Id, sending.Sent);
                return sending.Result(window, DigestRunStatus.Sending) with { Stopped = true };
            }
        }

        var status = sending.Deferred == 0 ? DigestRunStatus.Completed : DigestRunStatus.Sending;
        var result = sending.Result(window, status);
        await SaveOutcomeAsync(run, result, cancellationToken).ConfigureAwait(false);
        Log(result);
        return result;
    }

    private async Task<DigestPlan> PlanAsync(DigestWindow window, CancellationToken cancellationToken)
    {
        var changes = new List<DigestChange>();
        await foreach (var change in _source.ReadChangesAsync(window.Start, window.End, cancellationToken).ConfigureAwait(false))
        {
            changes.Add(change);
        }

        // Nothing changed: nobody gets an email, so the subscriber list need not be read (immediate windows mostly look like this).
        var recipients = new List<DigestRecipient>();
        if (changes.Count > 0)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var recipient in _source.ListSubscribersAsync(window.Frequency, cancellationToken).ConfigureAwait(false))
            {
                if (ids.Add(recipient.SubscriberId))
                {
                    recipients.Add(recipient);
                }
            }
        }

        return DigestPlanner.Plan(window, changes, recipients);
    }

    private async Task<bool> SendAudienceAsync(DigestWindow window, DigestAudience audience, RunState state, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var pending = new List<DeliveryEntity>();
        foreach (var recipient in audience.Recipients)
        {
            state.Existing.TryGetValue(recipient.SubscriberId, out var row);
            switch (row?.Status)
            {
                case null:
                    pending.Add(DeliveryRows.NewClaim(window, recipient, audience.ThemeSet, state.Instance, now));
                    break;
                case DeliveryState.Sent:
                    state.Skipped++;
                    break;
                case DeliveryState.Failed:
                    state.Failed++;
                    break;
                case DeliveryState.Deferred:
                    pending.Add(DeliveryRows.Retake(row, recipient, audience.ThemeSet, state.Instance, now));
                    break;
                default:
                    var abandoned = row.ClaimedAt is not { } claimedAt || now - claimedAt >= _options.ClaimLease;
                    if (state.Options.ResendUnconfirmed && abandoned)
                    {
                        pending.Add(DeliveryRows.Retake(row, recipient, audience.ThemeSet, state.Instance, now));
                    }
                    else
                    {
                        state.Unconfirmed++;
                    }

                    break;
            }
        }

        if (pending.Count == 0)
        {
            return true;
        }

        var byId = audience.Recipients.ToDictionary(r => r.SubscriberId, StringComparer.Ordinal);
        DigestContent? content = null;
        foreach (var chunk in pending.Chunk(_options.MaxRecipientsPerBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claimed = await _ledger.ClaimAsync(chunk, cancellationToken).ConfigureAwait(false);
            state.Unconfirmed += chunk.Length - claimed.Count;
            if (claimed.Count == 0)
            {
                continue;
            }

            content ??= _renderer.Render(window, audience);
            var batch = _renderer.CreateBatch(content, claimed.Select(c => byId[c.SubscriberId]), _from);
            var results = await _transport.SendAsync(batch, cancellationToken).ConfigureAwait(false);
            state.Batches++;
            if (results.Count != claimed.Count)
            {
                throw new InvalidOperationException($"The transport answered {results.Count} results for {claimed.Count} recipients.");
            }

            var answeredAt = _time.GetUtcNow();
            var outcomes = claimed.Select((claim, i) => DeliveryRows.Outcome(claim, results[i], answeredAt, _options.MaxDeliveryAttempts)).ToList();
            await _ledger.RecordAsync(outcomes, cancellationToken).ConfigureAwait(false);
            state.Count(outcomes);
            if (state.Options.StopWhen?.Invoke(state.Sent) == true)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<DigestRunEntity> SavePlannedAsync(DigestWindow window, DigestRunEntity? run, DigestPlan plan, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        run ??= new DigestRunEntity
        {
            PartitionKey = DigestRunEntity.PartitionFor(window.Frequency),
            RowKey = DigestRunEntity.RowKeyFor(window.End),
            WindowId = window.Id,
            WindowStart = window.Start,
            WindowEnd = window.End,
            Status = DigestRunStatus.Planned,
            PlannedAt = now,
        };
        run.Items = plan.Items.Count;
        run.Recipients = plan.RecipientCount + plan.Empty.Count;
        run.Empty = plan.Empty.Count;
        run.Audiences = plan.Audiences.Count;
        run.Runs++;
        await _ledger.SaveRunAsync(run, cancellationToken).ConfigureAwait(false);

        run.Status = run.Status == DigestRunStatus.Completed ? run.Status : DigestRunStatus.Sending;
        run.StartedAt = now;
        await _ledger.SaveRunAsync(run, cancellationToken).ConfigureAwait(false);
        return run;
    }

    private async Task SaveOutcomeAsync(DigestRunEntity run, DigestRunResult result, CancellationToken cancellationToken)
    {
        run.Status = result.Status;
        run.Sent = result.Sent + result.Skipped;
        run.Failed = result.Failed;
        run.Deferred = result.Deferred;
        run.Unconfirmed = result.Unconfirmed;
        run.CompletedAt = result.Status == DigestRunStatus.Completed ? run.CompletedAt ?? _time.GetUtcNow() : null;
        await _ledger.SaveRunAsync(run, cancellationToken).ConfigureAwait(false);
    }

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

    /// <summary>One run's working state and counts.</summary>
    private sealed class RunState(DigestPlan plan, string instance, DigestRunOptions options)
    {
        public string Instance { get; } = instance;
        public DigestRunOptions Options { get; } = options;
        public Dictionary<string, DeliveryEntity> Existing { get; } = new(StringComparer.Ordinal);
        public int Sent { get; private set; }
        public int Skipped { get; set; }
        public int Failed { get; set; }
        public int Deferred { get; private set; }
        public int Unconfirmed { get; set; }
        public int Batches { get; set; }

        public void Count(IEnumerable<DeliveryEntity> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                _ = outcome.Status switch
                {
                    DeliveryState.Sent => Sent++,
                    DeliveryState.Deferred => Deferred++,
                    _ => Failed++,
                };
            }
        }

        public DigestRunResult Result(DigestWindow window, DigestRunStatus status) =>
            new(window, status, plan.RecipientCount + plan.Empty.Count, Sent, Skipped, Failed, Deferred, Unconfirmed, plan.Empty.Count, Batches);
    }
}
