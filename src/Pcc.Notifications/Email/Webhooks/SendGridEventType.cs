namespace Pcc.Notifications.Email.Webhooks;

/// <summary>The Event Webhook's event kinds (twilio.com/docs/sendgrid/for-developers/tracking-events/event).</summary>
public enum SendGridEventType
{
    /// <summary>An event this code does not know.</summary>
    Unknown,
    /// <summary>Accepted by SendGrid for delivery.</summary>
    Processed,
    /// <summary>Not sent: the address is suppressed, invalid, or the message was refused.</summary>
    Dropped,
    /// <summary>The receiving server accepted the message.</summary>
    Delivered,
    /// <summary>The receiving server asked SendGrid to try later.</summary>
    Deferred,
    /// <summary>The receiving server refused the message (a hard bounce, or a block).</summary>
    Bounce,
    /// <summary>The recipient opened the message.</summary>
    Open,
    /// <summary>The recipient followed a link.</summary>
    Click,
    /// <summary>The recipient marked the message as spam.</summary>
    SpamReport,
    /// <summary>The recipient unsubscribed.</summary>
    Unsubscribe,
    /// <summary>The recipient unsubscribed from a suppression group.</summary>
    GroupUnsubscribe,
    /// <summary>The recipient re-subscribed to a suppression group.</summary>
    GroupResubscribe,
}
