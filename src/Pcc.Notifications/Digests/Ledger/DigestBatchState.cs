namespace Pcc.Notifications.Digests.Ledger;

/// <summary>Where one batch of a window's digests stands.</summary>
public enum DigestBatchState
{
    /// <summary>Planned and dispatched, not taken by a sender yet.</summary>
    Pending,

    /// <summary>A sender has taken the batch and handed it, or is handing it, to the provider; no outcome recorded yet.</summary>
    Claimed,

    /// <summary>Some recipients were deferred (throttling, provider down): a later attempt sends them, and only them.</summary>
    Deferred,

    /// <summary>Every recipient is settled: sent, or failed for good. Nothing more is sent for the batch.</summary>
    Done,
}
