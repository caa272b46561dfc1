namespace Pcc.Notifications.Email.Webhooks;

/// <summary>One event from a SendGrid Event Webhook post.</summary>
/// <param name="Email">The recipient's address.</param>
/// <param name="Type">The event kind.</param>
/// <param name="EventName">The event name as SendGrid sent it (for kinds this code does not know).</param>
/// <param name="Timestamp">When the event happened.</param>
/// <param name="MessageId">The <c>sg_message_id</c>: the Mail Send <c>X-Message-Id</c> followed by a dot and more.</param>
/// <param name="Reason">Why, for bounces, drops and deferrals.</param>
/// <param name="BounceType">For bounces: <c>bounce</c> (permanent) or <c>blocked</c> (temporary).</param>
public sealed record SendGridEvent(
    string Email,
    SendGridEventType Type,
    string EventName,
    DateTimeOffset Timestamp,
    string? MessageId = null,
    string? Reason = null,
    string? BounceType = null)
{
    /// <summary>
    /// Whether the address must not be mailed again: a bounce, drop, spam report or unsubscribe. A bounce of type
    /// <c>blocked</c> is a temporary refusal (SendGrid lists it under blocks, not bounces) and does not suppress.
    /// </summary>
    public bool SuppressesAddress => Type switch
    {
        SendGridEventType.Bounce => !string.Equals(BounceType, "blocked", StringComparison.OrdinalIgnoreCase),
        SendGridEventType.Dropped or SendGridEventType.SpamReport or SendGridEventType.Unsubscribe => true,
        _ => false,
    };
}
