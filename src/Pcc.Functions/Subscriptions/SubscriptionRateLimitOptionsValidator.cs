using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;

namespace Pcc.Functions.Subscriptions;

/// <summary>Checks the <c>Subscriptions:RateLimits</c> settings when the app starts: a limit of zero would refuse every request.</summary>
public sealed class SubscriptionRateLimitOptionsValidator : IValidateOptions<SubscriptionRateLimitOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SubscriptionRateLimitOptions options) =>
        new OptionsChecks(SubscriptionRateLimitOptions.Section)
            .InRange(options.SubscribePerClientPerMinute, nameof(options.SubscribePerClientPerMinute), 1)
            .InRange(options.SubscribeAllClientsPerMinute, nameof(options.SubscribeAllClientsPerMinute), 1)
            .InRange(options.SubscribePerRecipientDomainPerMinute, nameof(options.SubscribePerRecipientDomainPerMinute), 1)
            .InRange(options.LinksPerClientPerMinute, nameof(options.LinksPerClientPerMinute), 1)
            .Result();
}
