using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;

namespace Pcc.Notifications.Email.SendGrid;

/// <summary>Checks the <c>Email:SendGrid</c> settings when the app starts (the API key is checked with <c>Email:Transport</c>).</summary>
public sealed class SendGridOptionsValidator : IValidateOptions<SendGridOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SendGridOptions options) =>
        new OptionsChecks(SendGridOptions.SectionName)
            .HttpUrl(options.BaseUri?.OriginalString, nameof(options.BaseUri))
            .InRange(options.MaxPersonalizationsPerRequest, nameof(options.MaxPersonalizationsPerRequest), 1, SendGridLimits.MaxPersonalizations)
            .InRange(options.MaxAttempts, nameof(options.MaxAttempts), 1)
            .Positive(options.Timeout, nameof(options.Timeout))
            .Positive(options.RetryBaseDelay, nameof(options.RetryBaseDelay))
            .Check(options.MaxRetryDelay < options.RetryBaseDelay, nameof(options.MaxRetryDelay), $"must not be shorter than Email:SendGrid:RetryBaseDelay (it is {options.MaxRetryDelay}).")
            .Positive(options.WebhookTimestampTolerance, nameof(options.WebhookTimestampTolerance))
            .Result();
}
