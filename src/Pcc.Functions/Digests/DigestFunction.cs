using Pcc.Functions.Hosting;
using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary>
/// A digest timer: on each scheduled tick, sends every window of its frequency that has closed and not been sent
/// (<see cref="DigestRunner.CatchUpAsync"/>, which knows that daily and weekly digests go at 07:30 UK time and
/// catches up missed windows); run on demand, also sends the window still open, up to now
/// (<see cref="DigestRunner.RunOpenWindowAsync"/>).
/// </summary>
public abstract class DigestFunction(DigestFrequency frequency, DigestRunner runner, TimeProvider time, ILogger logger) : IFunctionHandler
{
    /// <summary>The timer binding's name.</summary>
    public const string BindingName = "timer";

    /// <inheritdoc />
    public async Task<FunctionResult> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var onDemand = TimerRun.IsOnDemand(invocation, BindingName, time.GetUtcNow());
        var results = onDemand
            ? await runner.RunOpenWindowAsync(frequency, cancellationToken)
            : await runner.CatchUpAsync(frequency, cancellationToken);

        var lines = results.Select(Describe).ToList();
        if (lines.Count == 0)
        {
            lines.Add($"No {frequency.ToString().ToLowerInvariant()} window to send.");
        }

        foreach (var line in lines)
        {
            logger.LogInformation("{Function} ({Trigger}): {Line}", invocation.FunctionName, onDemand ? "on demand" : "schedule", line);
        }

        return FunctionResult.WithLogs([.. lines]);
    }

    private static string Describe(DigestRunResult r) => r.AlreadyCompleted
        ? $"{r.Window.Id}: already sent ({r.Skipped} emails)."
        : $"{r.Window.Id}: {r.Status}; {r.Sent} sent, {r.Skipped} already sent, {r.Failed} failed, {r.Deferred} deferred, {r.Unconfirmed} unconfirmed, {r.Empty} without changes, of {r.Recipients} recipients.";
}
