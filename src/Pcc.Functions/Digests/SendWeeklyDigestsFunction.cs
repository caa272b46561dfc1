using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary><c>SendWeeklyDigests</c>: Monday 07:30 UK time.</summary>
public sealed class SendWeeklyDigestsFunction(DigestRunner runner, PccStore store, TimeProvider time, ILogger<SendWeeklyDigestsFunction> logger)
    : DigestFunction(DigestFrequency.Weekly, runner, store, time, logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "SendWeeklyDigests";

    /// <summary>Sends the closed windows not yet sent; on demand, also the window still open.</summary>
    [Function(Name)]
    public Task RunAsync([TimerTrigger("%" + DigestTimers.WeeklySchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(Name, timer, cancellationToken);
}
