using Pcc.LocalHost.Payloads;
using Pcc.LocalHost.Worker;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// The timer trigger of one function, following the host's <c>TimerListener</c> (azure-webjobs-sdk-extensions):
/// on start it reads the recorded <see cref="ScheduleStatus"/>; if the recorded next occurrence (or the schedule's
/// next one after the last update, if earlier) has passed, an occurrence was missed while the host was down and
/// the function runs once at once with <c>IsPastDue: true</c>; otherwise <c>runOnStartup</c> runs it once. Then it
/// runs on schedule, writing the status after each run. Failed invocations are logged, not retried, as the host does.
/// </summary>
public sealed class TimerScheduler(
    string functionName, string bindingName, TimerSchedule schedule, bool runOnStartup, bool useMonitor,
    ScheduleStatusStore store, FunctionWorker worker, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan s_longestWait = TimeSpan.FromHours(1);
    private readonly string _functionId = FunctionId.For(functionName);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The current status (what the next payload carries).</summary>
    public ScheduleStatus? Status { get; private set; }

    /// <summary>The schedule.</summary>
    public TimerSchedule Schedule => schedule;

    /// <summary>Reads or records the status; returns whether an occurrence was missed.</summary>
    public async Task<bool> InitializeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recorded = useMonitor ? await store.GetAsync(_functionId, cancellationToken) : null;
        if (recorded is null)
        {
            Status = new ScheduleStatus(DateTimeOffset.MinValue, schedule.GetNextOccurrence(now), now);
            if (useMonitor)
            {
                await store.UpdateAsync(_functionId, Status, cancellationToken);
            }

            return false;
        }

        Status = recorded;
        var since = recorded.LastUpdated > DateTimeOffset.MinValue ? recorded.LastUpdated : recorded.Last;
        var due = Min(recorded.Next, schedule.GetNextOccurrence(since));
        return now > due;
    }

    /// <summary>Runs the start-up invocation, if any, then the schedule, until cancelled.</summary>
    public async Task RunAsync(bool isPastDue, CancellationToken cancellationToken)
    {
        try
        {
            if (isPastDue || runOnStartup)
            {
                logger.LogInformation("{Function} runs now: {Reason}", functionName, isPastDue ? "an occurrence was missed (IsPastDue)" : "runOnStartup");
                await InvokeScheduledAsync(isPastDue, unscheduled: true, cancellationToken);
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                var due = Status!.Next;
                var wait = due - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait < s_longestWait ? wait : s_longestWait, time, cancellationToken);
                    continue;
                }

                await InvokeScheduledAsync(isPastDue: false, unscheduled: false, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs the function once now, outside the schedule (the admin endpoint); the status is left as it is.</summary>
    public async Task<InvocationResult> InvokeNowAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await worker.InvokeAsync(functionName, r => TimerTriggerInput.Fill(r, bindingName, useMonitor ? Status : null, isPastDue: false), retryOnCrash: true, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task InvokeScheduledAsync(bool isPastDue, bool unscheduled, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var invokedAt = time.GetUtcNow();
            var result = await worker.InvokeAsync(functionName, r => TimerTriggerInput.Fill(r, bindingName, useMonitor ? Status : null, isPastDue), retryOnCrash: true, cancellationToken);
            if (result.Succeeded)
            {
                worker.Log.For(functionName).LogInformation("Ran (timer{PastDue}, {Elapsed:0} ms)", isPastDue ? ", past due" : "", result.Elapsed.TotalMilliseconds);
            }
            else
            {
                worker.Log.For(functionName).LogError("Failed (timer): {Error}", result.Error);
            }

            // A run that fires a moment early counts as the occurrence it was for, so Next moves on (host TimerListener).
            var occurrence = !unscheduled && Status!.Next > invokedAt ? Status.Next : invokedAt;
            Status = new ScheduleStatus(occurrence, schedule.GetNextOccurrence(occurrence), occurrence);
            if (useMonitor)
            {
                await SaveStatusAsync(cancellationToken);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task SaveStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.UpdateAsync(_functionId, Status!, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Best effort, as in the host: the schedule carries on from memory.
            logger.LogError("{Function}: the timer status could not be written: {Reason}", functionName, ex.Message);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
