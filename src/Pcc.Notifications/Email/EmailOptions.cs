namespace Pcc.Notifications.Email;

/// <summary>Email settings shared by every transport (configuration section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Email";

    /// <summary>The sender's address. Must be a verified sender in SendGrid.</summary>
    public string FromAddress { get; set; } = "digest@pcc.localhost";

    /// <summary>The sender's display name.</summary>
    public string? FromName { get; set; } = "Policing Innovation Digest";

    /// <summary>The transport that sends mail; SMTP by default, so a fresh checkout sends to MailDev.</summary>
    public EmailTransportKind Transport { get; set; } = EmailTransportKind.Smtp;

    /// <summary>The sender as a mailbox.</summary>
    public EmailAddress From => new(FromAddress, FromName);
}
