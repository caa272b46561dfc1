using MimeKit;

namespace Pcc.Notifications.Email.Smtp;

/// <summary>Builds one recipient's MimeKit message: substitutions applied, text and HTML as multipart/alternative, UTF-8 throughout.</summary>
internal static class SmtpMessages
{
    /// <summary>The header that carries <see cref="EmailBatch.Category"/> over SMTP.</summary>
    public const string CategoryHeader = "X-Category";

    /// <summary>The message; <paramref name="messageId"/> is the id without angle brackets.</summary>
    public static MimeMessage Create(EmailBatch batch, EmailRecipient recipient, string messageId)
    {
        var message = new MimeMessage
        {
            Subject = Placeholders.Apply(batch.Subject, recipient.Substitutions),
            MessageId = messageId,
        };
        message.From.Add(new MailboxAddress(batch.From.Name, batch.From.Address));
        message.To.Add(new MailboxAddress(recipient.To.Name, recipient.To.Address));

        // With both parts the builder writes multipart/alternative, text first and HTML last: the last part is the one
        // mail clients prefer (RFC 2046 §5.1.4).
        var body = new BodyBuilder();
        if (batch.Text.Length > 0)
        {
            body.TextBody = Placeholders.Apply(batch.Text, recipient.Substitutions);
        }

        if (batch.Html.Length > 0)
        {
            body.HtmlBody = Placeholders.Apply(batch.Html, recipient.Substitutions);
        }

        message.Body = body.ToMessageBody();
        if (!string.IsNullOrEmpty(batch.Category))
        {
            message.Headers[CategoryHeader] = batch.Category;
        }

        foreach (var (name, value) in batch.Headers.Concat(recipient.Headers))
        {
            message.Headers[name] = value;
        }

        return message;
    }
}
