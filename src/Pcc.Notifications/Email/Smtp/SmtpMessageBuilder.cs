using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Pcc.Notifications.Email.Smtp;

/// <summary>Builds one recipient's message: substitutions applied, text and HTML as multipart/alternative, UTF-8 throughout.</summary>
internal static class SmtpMessageBuilder
{
    /// <summary>The header that carries <see cref="EmailBatch.Category"/> over SMTP.</summary>
    public const string CategoryHeader = "X-Category";

    public static MailMessage Build(EmailBatch batch, EmailRecipient recipient, string messageId)
    {
        var message = new MailMessage
        {
            From = new MailAddress(batch.From.Address, batch.From.Name, Encoding.UTF8),
            Subject = Placeholders.Apply(batch.Subject, recipient.Substitutions),
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(recipient.To.Address, recipient.To.Name, Encoding.UTF8));

        // Text first, HTML last: in multipart/alternative the last part is the one mail clients prefer (RFC 2046 §5.1.4).
        AddView(message, Placeholders.Apply(batch.Text, recipient.Substitutions), MediaTypeNames.Text.Plain);
        AddView(message, Placeholders.Apply(batch.Html, recipient.Substitutions), MediaTypeNames.Text.Html);

        message.Headers["Message-ID"] = messageId;
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

    private static void AddView(MailMessage message, string content, string mediaType)
    {
        if (content.Length == 0)
        {
            return;
        }

        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        message.AlternateViews.Add(view);
    }
}
