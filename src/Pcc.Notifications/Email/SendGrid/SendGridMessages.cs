using SendGrid.Helpers.Mail;
using SendGridAddress = SendGrid.Helpers.Mail.EmailAddress;

namespace Pcc.Notifications.Email.SendGrid;

/// <summary>Builds the SendGrid library's message for one request: one personalization per recipient.</summary>
internal static class SendGridMessages
{
    /// <summary>
    /// Shared content, categories and sandbox mode on the message; each recipient's address, substitutions and own
    /// headers on their personalization. A header every recipient of the request carries with the same value
    /// (<c>List-Unsubscribe-Post</c>, say) goes on <see cref="SendGridMessage.Headers"/> once, which applies to every
    /// personalization; <c>AddHeader</c> is not used because with personalizations it reaches the first one only.
    /// </summary>
    public static SendGridMessage Create(EmailBatch batch, IReadOnlyList<EmailRecipient> recipients, bool sandboxMode)
    {
        var shared = SharedHeaders(recipients);
        var headers = new Dictionary<string, string>(batch.Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in shared)
        {
            headers[name] = value;
        }

        var message = new SendGridMessage
        {
            From = Address(batch.From),
            Subject = batch.Subject,
            // The API refuses empty content values, so a missing part is left out rather than sent blank.
            PlainTextContent = string.IsNullOrEmpty(batch.Text) ? null : batch.Text,
            HtmlContent = string.IsNullOrEmpty(batch.Html) ? null : batch.Html,
            Headers = headers.Count == 0 ? null : headers,
            Personalizations = [.. recipients.Select(r => Personalization(r, shared))],
        };
        if (!string.IsNullOrEmpty(batch.Category))
        {
            message.AddCategory(batch.Category);
        }

        if (sandboxMode)
        {
            message.SetSandBoxMode(true);
        }

        return message;
    }

    private static Personalization Personalization(EmailRecipient recipient, IReadOnlyDictionary<string, string> shared)
    {
        var own = recipient.Headers.Where(h => !shared.ContainsKey(h.Key)).ToDictionary(h => h.Key, h => h.Value);
        return new Personalization
        {
            Tos = [Address(recipient.To)],
            Substitutions = recipient.Substitutions.Count == 0 ? null : new Dictionary<string, string>(recipient.Substitutions),
            Headers = own.Count == 0 ? null : own,
        };
    }

    private static Dictionary<string, string> SharedHeaders(IReadOnlyList<EmailRecipient> recipients)
    {
        var shared = new Dictionary<string, string>(recipients[0].Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var recipient in recipients.Skip(1))
        {
            foreach (var (name, value) in shared.ToList())
            {
                if (!recipient.Headers.TryGetValue(name, out var theirs) || theirs != value)
                {
                    shared.Remove(name);
                }
            }
        }

        return shared;
    }

    private static SendGridAddress Address(EmailAddress address) =>
        new(address.Address, string.IsNullOrEmpty(address.Name) ? null : address.Name);
}
