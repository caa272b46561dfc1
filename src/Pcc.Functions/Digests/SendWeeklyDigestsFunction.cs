using Pcc.Functions.Data;
using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary><c>SendWeeklyDigests</c>: Monday 07:30 UK time.</summary>
public sealed class SendWeeklyDigestsFunction(DigestRunner runner, PccStore store, TimeProvider time, ILogger<SendWeeklyDigestsFunction> logger)
    : DigestFunction(DigestFrequency.Weekly, runner, store, time, logger);
