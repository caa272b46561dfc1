namespace Pcc.Notifications.Email;

/// <summary>
/// Sends one batch of email: the same content to many recipients, each with their own substitutions (such as
/// their unsubscribe link) and headers. SendGrid sends a batch in requests of up to 1,000 personalizations; SMTP
/// sends one message per recipient.
/// </summary>
public interface IEmailTransport
{
    /// <summary>
    /// Sends the batch and returns one result per recipient, in order. Never throws for a refused message: a refusal
    /// is a failed <see cref="DeliveryResult"/>; only cancellation throws.
    /// </summary>
    Task<IReadOnlyList<DeliveryResult>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default);
}
