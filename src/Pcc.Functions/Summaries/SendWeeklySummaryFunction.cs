using Pcc.Functions.Hosting;

namespace Pcc.Functions.Summaries;

/// <summary>
/// <c>SendWeeklySummary</c>: summarises the ISO week that has just ended (UK time), on schedule or on demand alike,
/// so running it again the same week rewrites the same summary and emails nobody twice.
/// </summary>
public sealed class SendWeeklySummaryFunction(WeeklySummaryService summaries, TimeProvider time, ILogger<SendWeeklySummaryFunction> logger) : IFunctionHandler
{
    /// <inheritdoc />
    public async Task<FunctionResult> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var (year, week) = WeeklySummaryService.WeekBefore(time.GetUtcNow());
        var (summary, emailed) = await summaries.RunAsync(year, week, cancellationToken);
        var line = $"Weekly summary {summary.Id}: {summary.Briefings.Count} briefing version(s), {summary.New} new, {summary.Changed} changed, {summary.Removed} removed; stored, emailed to {emailed} editor(s) this run.";
        logger.LogInformation("{Line}", line);
        return FunctionResult.WithLogs(line);
    }
}
