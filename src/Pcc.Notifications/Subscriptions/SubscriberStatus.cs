namespace Pcc.Notifications.Subscriptions;

/// <summary>Where a subscriber is in the double opt-in life cycle.</summary>
public enum SubscriberStatus
{
    /// <summary>Asked to subscribe and has not yet followed the confirmation link.</summary>
    Pending,

    /// <summary>Confirmed: receives digests.</summary>
    Active,

    /// <summary>Unsubscribed; may subscribe again (with a new confirmation).</summary>
    Unsubscribed,

    /// <summary>Mail to the address bounced or was reported: nothing is sent to it, whatever is requested.</summary>
    Suppressed,
}
