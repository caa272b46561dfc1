namespace Pcc.Notifications.Digests.Ledger;

/// <summary>Where one subscriber's digest for one window stands.</summary>
public enum DeliveryState
{
    /// <summary>A run has taken the delivery and is sending it; the outcome is not recorded yet.</summary>
    Claimed,

    /// <summary>The provider accepted the message.</summary>
    Sent,

    /// <summary>Refused for good, or deferred too many times: not tried again for this window.</summary>
    Failed,

    /// <summary>Not sent this time; the window's next run tries again.</summary>
    Deferred,
}
