using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;

namespace Pcc.Notifications.Subscriptions;

/// <summary>Checks the <c>Subscriptions</c> settings when the app starts, so a wrong one stops it with its name.</summary>
public sealed class SubscriptionOptionsValidator : IValidateOptions<SubscriptionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SubscriptionOptions options) =>
        new OptionsChecks(SubscriptionOptions.Section)
            .HttpUrl(options.PublicBaseUrl, nameof(options.PublicBaseUrl))
            .Check(!string.IsNullOrWhiteSpace(options.TokenSecret) && !IsKey(options.TokenSecret), nameof(options.TokenSecret),
                $"must be base64 of at least {SubscriptionTokenCodec.MinKeyBytes} random bytes (openssl rand -base64 32), or not set.")
            .Positive(options.ConfirmTokenLifetime, nameof(options.ConfirmTokenLifetime))
            .Positive(options.ManageTokenLifetime, nameof(options.ManageTokenLifetime))
            .Positive(options.UnsubscribeTokenLifetime, nameof(options.UnsubscribeTokenLifetime))
            .InRange(options.EmailsPerAddressPerHour, nameof(options.EmailsPerAddressPerHour), 1)
            .Result();

    private static bool IsKey(string secret)
    {
        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret.Trim(), buffer, out var length) && length >= SubscriptionTokenCodec.MinKeyBytes;
    }
}
