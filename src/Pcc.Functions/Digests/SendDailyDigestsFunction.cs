using Pcc.Functions.Data;
using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary><c>SendDailyDigests</c>: 07:30 UK time.</summary>
public sealed class SendDailyDigestsFunction(DigestRunner runner, PccStore store, TimeProvider time, ILogger<SendDailyDigestsFunction> logger)
    : DigestFunction(DigestFrequency.Daily, runner, store, time, logger);
