namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// Subscriptions settings, bound from the <c>Subscriptions</c> configuration section; defaults in code suit a local run.
/// In Azure, <c>Subscriptions__TokenSecret</c> is an app setting holding a Key Vault reference
/// (<c>@Microsoft.KeyVault(SecretUri=https://&lt;vault&gt;.vault.azure.net/secrets/subscription-token-secret/)</c>),
/// so the secret lives only in Key Vault and reaches the app as configuration.
/// </summary>
public sealed class SubscriptionOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Subscriptions";

    /// <summary>
    /// The HMAC key for signed links: base64 of at least 32 random bytes. When missing, a secret is generated once and
    /// kept in a private blob (see <see cref="TokenSecretStore"/>), so local runs work and links survive restarts.
    /// </summary>
    public string? TokenSecret { get; set; }

    /// <summary>Where people reach the API: the absolute base of every link in an email.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>How long a confirmation link works.</summary>
    public TimeSpan ConfirmTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a manage link works.</summary>
    public TimeSpan ManageTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long an unsubscribe link works: long, because one-click unsubscribe in old emails must keep working.</summary>
    public TimeSpan UnsubscribeTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// At most this many emails per address per hour in answer to unauthenticated subscribe requests, so the API
    /// cannot be used to flood someone's inbox. Requests beyond it are accepted and ignored.
    /// </summary>
    public int EmailsPerAddressPerHour { get; set; } = 3;

    /// <summary>An optional mailbox for the <c>mailto:</c> alternative in <c>List-Unsubscribe</c>; none by default.</summary>
    public string? UnsubscribeMailbox { get; set; }
}
