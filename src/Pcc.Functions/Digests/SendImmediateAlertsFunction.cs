using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary><c>SendImmediateAlerts</c>: every five minutes.</summary>
public sealed class SendImmediateAlertsFunction(DigestRunner runner, PccStore store, TimeProvider time, ILogger<SendImmediateAlertsFunction> logger)
    : DigestFunction(DigestFrequency.Immediate, runner, store, time, logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "SendImmediateAlerts";

    /// <summary>Sends the closed windows not yet sent; on demand, also the window still open.</summary>
    [Function(Name)]
    public Task RunAsync([TimerTrigger("%" + DigestTimers.ImmediateSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(Name, timer, cancellationToken);
}
