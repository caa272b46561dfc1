namespace Pcc.Notifications.Subscriptions;

/// <summary>What a signed link lets its holder do. A token only ever works for its own purpose.</summary>
public enum TokenPurpose : byte
{
    /// <summary>Confirm a pending subscription (double opt-in).</summary>
    Confirm = 1,

    /// <summary>Read and change one's themes and frequency.</summary>
    Manage = 2,

    /// <summary>Unsubscribe, including the RFC 8058 one-click POST from a mail client.</summary>
    Unsubscribe = 3,
}
