using Pcc.Functions.Data;
using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary><c>SendImmediateAlerts</c>: every five minutes.</summary>
public sealed class SendImmediateAlertsFunction(DigestRunner runner, PccStore store, TimeProvider time, ILogger<SendImmediateAlertsFunction> logger)
    : DigestFunction(DigestFrequency.Immediate, runner, store, time, logger);
