using MailKit.Security;

namespace Pcc.Notifications.Email.Smtp;

/// <summary>SMTP settings (configuration section <c>Email:Smtp</c>); the defaults reach a local MailDev.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Email:Smtp";

    /// <summary>The SMTP server.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The SMTP port (MailDev's default).</summary>
    public int Port { get; set; } = 1025;

    /// <summary>
    /// How the connection is secured: <c>None</c> (MailDev), <c>StartTls</c> (usually port 587), <c>SslOnConnect</c>
    /// (usually port 465), <c>StartTlsWhenAvailable</c> or <c>Auto</c> (by port).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.None;

    /// <summary>The user name, when the server requires authentication (login only when set).</summary>
    public string? UserName { get; set; }

    /// <summary>The password, when the server requires authentication.</summary>
    public string? Password { get; set; }

    /// <summary>How long one message may take to hand over before the rest of the batch is deferred.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
