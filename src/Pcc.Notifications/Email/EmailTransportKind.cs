namespace Pcc.Notifications.Email;

/// <summary>Which <see cref="IEmailTransport"/> sends the product's email.</summary>
public enum EmailTransportKind
{
    /// <summary>SMTP (MailDev when run locally).</summary>
    Smtp,

    /// <summary>SendGrid v3 Mail Send (Azure).</summary>
    SendGrid,
}
