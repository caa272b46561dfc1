namespace Pcc.Notifications.Email.Webhooks;

/// <summary>A verified and parsed Event Webhook post, or why it was refused.</summary>
public sealed class SendGridWebhookResult
{
    private SendGridWebhookResult(string? rejection, IReadOnlyList<SendGridEvent> events)
    {
        Rejection = rejection;
        Events = events;
        AddressesToSuppress = [.. events.Where(e => e.SuppressesAddress).Select(e => e.Email).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Whether the post was signed by SendGrid, recent, and readable.</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>Why the post was refused; <c>null</c> when accepted.</summary>
    public string? Rejection { get; }

    /// <summary>The events, in the order SendGrid sent them; empty when refused.</summary>
    public IReadOnlyList<SendGridEvent> Events { get; }

    /// <summary>Addresses that must not be mailed again (bounced, dropped, reported as spam or unsubscribed), each once.</summary>
    public IReadOnlyList<string> AddressesToSuppress { get; }

    internal static SendGridWebhookResult Accepted(IReadOnlyList<SendGridEvent> events) => new(null, events);

    internal static SendGridWebhookResult Rejected(string reason) => new(reason, []);
}
