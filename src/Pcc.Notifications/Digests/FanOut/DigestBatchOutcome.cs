using Pcc.Notifications.Digests.Ledger;

namespace Pcc.Notifications.Digests.FanOut;

/// <summary>What one delivery of a batch message did.</summary>
/// <param name="State">The batch's state afterwards.</param>
/// <param name="Sent">Recipients this delivery handed to the provider, which accepted them.</param>
/// <param name="Failed">Recipients this delivery recorded as failed for good.</param>
/// <param name="Deferred">Recipients left for a later attempt.</param>
/// <param name="SentBefore">True when the batch was already done, or claimed by another delivery, so this one sent nothing.</param>
public sealed record DigestBatchOutcome(DigestBatchState State, int Sent, int Failed, int Deferred, bool SentBefore = false);
