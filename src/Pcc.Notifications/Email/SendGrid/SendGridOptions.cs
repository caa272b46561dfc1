namespace Pcc.Notifications.Email.SendGrid;

/// <summary>SendGrid settings (configuration section <c>Email:SendGrid</c>).</summary>
public sealed class SendGridOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Email:SendGrid";

    /// <summary>An API key with the Mail Send scope. From app settings (a Key Vault reference in Azure); never in the repository.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API's base address.</summary>
    public Uri BaseUri { get; set; } = new("https://api.sendgrid.com");

    /// <summary>When set, SendGrid validates each request but delivers nothing (<c>mail_settings.sandbox_mode</c>).</summary>
    public bool SandboxMode { get; set; }

    /// <summary>Recipients per request, at most 1,000 (the Mail Send limit on personalizations).</summary>
    public int MaxPersonalizationsPerRequest { get; set; } = SendGridLimits.MaxPersonalizations;

    /// <summary>Attempts per request, the first included, before its recipients are deferred.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The backoff before the second attempt; it doubles for each later one (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between attempts. A rate limit that resets later than this defers the request instead of
    /// holding the function for longer.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Event Webhook's verification key: base64 DER (as SendGrid shows it) or PEM.</summary>
    public string? WebhookPublicKey { get; set; }

    /// <summary>How far a webhook timestamp may be from now before the request is refused as a replay.</summary>
    public TimeSpan WebhookTimestampTolerance { get; set; } = TimeSpan.FromMinutes(10);
}
