using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email;
using Pcc.Notifications.Subscriptions;
using Pcc.Platform.Telemetry;

namespace Pcc.Notifications.Digests.FanOut;

/// <summary>
/// Sends one batch of a window's digests: read the batch, claim it, send it in one provider request, record the outcome,
/// and bring the window's totals up to date. What a queue-triggered function does with each message.
/// </summary>
/// <remarks>
/// <para>Safe to deliver twice, or to two senders at once: the claim is an update on the batch row's ETag, so one
/// delivery sends and the others find the batch claimed or done and send nothing.</para>
/// <para>At most once across a crash: a batch claimed and never recorded (the process died between the provider's
/// answer and the ledger's write) may or may not have gone, so it is not sent again but reported as unconfirmed; an
/// operator who knows it never left re-sends it (<see cref="DigestRunOptions.ResendUnconfirmed"/>). Anything that fails
/// before the claim (storage, a message naming no batch, a cancellation) throws, so the host retries the message and,
/// after its retries, moves it to the poison queue; a cancellation after the claim lets the send finish and records it.</para>
/// </remarks>
public sealed class DigestBatchSender(
    DigestLedger ledger,
    IEmailTransport transport,
    IOptions<DigestOptions> options,
    IOptions<EmailOptions> email,
    TimeProvider time,
    ILogger<DigestBatchSender>? logger = null)
{
    private readonly DigestOptions _options = options.Value;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Sends the batch <paramref name="message"/> names, unless it was sent or claimed before.</summary>
    public async Task<DigestBatchOutcome> SendAsync(DigestBatchMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var window = message.Window;
        // The send continues the trace of the run that queued it; the invocation that received it is linked.
        ActivityContext.TryParse(message.TraceParent, null, out var queuedBy);
        using var activity = PccTelemetry.Source.StartActivity("SendDigestBatch", ActivityKind.Consumer, queuedBy,
            [new("digest.frequency", SubscriptionNames.Of(message.Frequency)), new("digest.batch", message.Batch)],
            Activity.Current is { } invocation ? [new ActivityLink(invocation.Context)] : null);
        var started = Stopwatch.GetTimestamp();
        var batch = await ledger.GetBatchAsync(window, message.Batch, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Window {window.Id} has no batch {message.Batch}.");
        if (batch.State is DigestBatchState.Done or DigestBatchState.Claimed)
        {
            return new DigestBatchOutcome(batch.State, 0, 0, 0, SentBefore: true);
        }

        var content = await ledger.ReadContentAsync(batch, cancellationToken).ConfigureAwait(false);
        var positions = batch.RemainingPositions();
        batch.State = DigestBatchState.Claimed;
        batch.Attempts++;
        batch.Claimant = Guid.NewGuid().ToString("N");
        batch.ClaimedAt = time.GetUtcNow();
        // The last point a cancellation stops the send; the claim itself is not cut short, or it could be stored unanswered.
        cancellationToken.ThrowIfCancellationRequested();
        if (!await ledger.TryUpdateBatchAsync(batch, CancellationToken.None).ConfigureAwait(false))
        {
            return new DigestBatchOutcome(DigestBatchState.Claimed, 0, 0, 0, SentBefore: true);
        }

        // From here on a failure leaves the claim in place: the batch may have gone, so it is not sent again. So a
        // cancellation (the host's timeout or drain) does not cut the provider's request short, which would leave the
        // claim unconfirmed; the request ends within the transport's own timeout and its outcome is recorded.
        var recipients = positions.Select(p => content.Recipients[p]).ToList();
        var emails = DigestRenderer.CreateBatch(_options, content.Content, recipients, email.Value.From);
        var results = await transport.SendAsync(emails, CancellationToken.None).ConfigureAwait(false);
        if (results.Count != recipients.Count)
        {
            throw new InvalidOperationException($"The transport answered {results.Count} results for {recipients.Count} recipients.");
        }

        var outcome = Record(batch, positions, results);
        if (!await ledger.TryUpdateBatchAsync(batch, CancellationToken.None).ConfigureAwait(false))
        {
            // Only an operator's retake of a claim older than the lease changes it under us; the send still happened.
            _logger.LogWarning("Batch {Batch} of {Window} was taken over before its outcome was recorded; {Sent} were sent.", batch.RowKey, window.Id, outcome.Sent);
        }

        // Totals are added up once nothing is left to send: one short query per batch rather than every batch's row.
        if (!await ledger.AnyUnsettledBatchAsync(window, batch.RowKey[..batch.RowKey.LastIndexOf('-')], CancellationToken.None).ConfigureAwait(false))
        {
            await RefreshRunAsync(window, CancellationToken.None).ConfigureAwait(false);
        }
        _logger.LogInformation("Batch {Batch} of {Window}: {Sent} sent, {Failed} failed, {Deferred} deferred.", batch.RowKey, window.Id, outcome.Sent, outcome.Failed, outcome.Deferred);
        PccTelemetry.DigestRecipients.Add(outcome.Sent, PccTelemetry.Outcome("sent"));
        PccTelemetry.DigestRecipients.Add(outcome.Failed, PccTelemetry.Outcome("failed"));
        PccTelemetry.DigestRecipients.Add(outcome.Deferred, PccTelemetry.Outcome("deferred"));
        PccTelemetry.DigestBatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        activity?.SetTag("digest.sent", outcome.Sent).SetTag("digest.failed", outcome.Failed).SetTag("digest.deferred", outcome.Deferred);
        return outcome;
    }

    /// <summary>
    /// Brings the window's run row up to date with its batches: totals, and completed once nothing waits to be sent.
    /// An update on the ETag read, retried, so a writer with an older view never overwrites a newer one. Returns the
    /// run row as stored and its batches' tally; null when the run has no plan.
    /// </summary>
    public async Task<(DigestRunEntity Run, DigestRunTally Tally)?> RefreshRunAsync(DigestWindow window, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var run = await ledger.GetRunAsync(window, cancellationToken).ConfigureAwait(false);
            if (run?.PlanId is not { } planId)
            {
                return null;
            }

            var tally = DigestRunTally.Of(await ledger.ListBatchesAsync(window, planId, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false));
            tally.ApplyTo(run, time.GetUtcNow());
            if (await ledger.TryUpdateRunAsync(run, cancellationToken).ConfigureAwait(false))
            {
                return (run, tally);
            }
        }

        throw new InvalidOperationException($"The run row of {window.Id} kept changing; its totals are brought up to date by the next run.");
    }

    private DigestBatchOutcome Record(DigestBatchEntity batch, IReadOnlyList<int> positions, IReadOnlyList<DeliveryResult> results)
    {
        int sent = 0, failed = 0;
        var remaining = new List<int>();
        string? detail = null;
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            switch (result.Status)
            {
                case DeliveryStatus.Accepted:
                    sent++;
                    detail ??= result.Detail;
                    break;
                case DeliveryStatus.Deferred when batch.Attempts < _options.MaxDeliveryAttempts:
                    remaining.Add(positions[i]);
                    detail = result.Detail;
                    break;
                case DeliveryStatus.Deferred:
                    failed++;
                    detail = $"gave up after {batch.Attempts} attempts: {result.Detail}";
                    break;
                default:
                    failed++;
                    detail = result.Detail;
                    break;
            }
        }

        batch.Sent += sent;
        batch.Failed += failed;
        batch.State = remaining.Count > 0 ? DigestBatchState.Deferred : DigestBatchState.Done;
        batch.Remaining = remaining.Count > 0 ? string.Join(',', remaining) : null;
        batch.AnsweredAt = time.GetUtcNow();
        batch.Detail = detail is { Length: > 1024 } ? detail[..1024] : detail;
        return new DigestBatchOutcome(batch.State, sent, failed, remaining.Count);
    }
}
