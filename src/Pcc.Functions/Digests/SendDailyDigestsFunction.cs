using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary><c>SendDailyDigests</c>: 07:30 UK time.</summary>
public sealed class SendDailyDigestsFunction(DigestRunner runner, TimeProvider time, ILogger<SendDailyDigestsFunction> logger)
    : DigestFunction(DigestFrequency.Daily, runner, time, logger);
