using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;
using Pcc.Notifications.Email.SendGrid;

namespace Pcc.Notifications.Digests;

/// <summary>Checks the <c>Digests</c> settings when the app starts, so a wrong one stops it with its name.</summary>
public sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DigestOptions options) =>
        new OptionsChecks(DigestOptions.SectionName)
            .HttpUrl(options.PublicBaseUrl, nameof(options.PublicBaseUrl))
            // One batch is one SendGrid request, which takes at most this many recipients.
            .InRange(options.MaxRecipientsPerBatch, nameof(options.MaxRecipientsPerBatch), 1, SendGridLimits.MaxPersonalizations)
            .InRange(options.MaxOpenAudiences, nameof(options.MaxOpenAudiences), 1)
            .InRange(options.MaxDeliveryAttempts, nameof(options.MaxDeliveryAttempts), 1)
            .Positive(options.DeferredRetryDelay, nameof(options.DeferredRetryDelay))
            .Positive(options.ClaimLease, nameof(options.ClaimLease))
            .Check(options.MaxCatchUpWindows < 0, nameof(options.MaxCatchUpWindows), $"must not be negative (it is {options.MaxCatchUpWindows}).")
            .Result();
}
