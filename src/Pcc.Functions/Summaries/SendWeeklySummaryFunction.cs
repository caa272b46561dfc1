using Pcc.Functions.Digests;
using Pcc.Catalogue.Summaries;

namespace Pcc.Functions.Summaries;

/// <summary>
/// <c>SendWeeklySummary</c>: summarises the ISO week that has just ended (UK time), on schedule or on demand alike,
/// so running it again the same week rewrites the same summary and emails nobody twice.
/// </summary>
public sealed class SendWeeklySummaryFunction(WeeklySummaryService summaries, TimeProvider time, ILogger<SendWeeklySummaryFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "SendWeeklySummary";

    /// <summary>Stores the last complete week's summary and emails it to the editors once.</summary>
    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%" + DigestTimers.SummarySchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var (year, week) = WeeklySummaryService.WeekBefore(time.GetUtcNow());
        var (summary, emailed) = await summaries.RunAsync(year, week, cancellationToken);
        logger.LogInformation(
            "Weekly summary {Week}: {Briefings} briefing version(s), {New} new, {Changed} changed, {Removed} removed; stored, emailed to {Emailed} editor(s) this run.",
            summary.Id, summary.Briefings.Count, summary.New, summary.Changed, summary.Removed, emailed);
    }
}
