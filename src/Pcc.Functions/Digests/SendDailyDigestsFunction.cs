using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary><c>SendDailyDigests</c>: 07:30 UK time.</summary>
public sealed class SendDailyDigestsFunction(DigestRunner runner, PccStore store, TimeProvider time, ILogger<SendDailyDigestsFunction> logger)
    : DigestFunction(DigestFrequency.Daily, runner, store, time, logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "SendDailyDigests";

    /// <summary>Sends the closed windows not yet sent; on demand, also the window still open.</summary>
    [Function(Name)]
    public Task RunAsync([TimerTrigger("%" + DigestTimers.DailySchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(Name, timer, cancellationToken);
}
