using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Pcc.LocalHost.TestWorker;

/// <summary>Records each run with what the timer said: <c>tick-{n}</c> holding <c>IsPastDue</c> and the schedule status.</summary>
public sealed class Tick(Results results, ILogger<Tick> logger)
{
    [Function("Tick")]
    public async Task RunAsync([TimerTrigger("%TestWorker:Schedule%")] TimerInfo timer)
    {
        logger.LogInformation("Tick (past due: {PastDue})", timer.IsPastDue);
        var record = JsonSerializer.Serialize(new { timer.IsPastDue, Last = timer.ScheduleStatus?.Last, Next = timer.ScheduleStatus?.Next });
        await results.WriteAsync($"tick-{DateTime.UtcNow:yyyyMMddHHmmssfffffff}-{Guid.NewGuid():N}", record);
    }
}
