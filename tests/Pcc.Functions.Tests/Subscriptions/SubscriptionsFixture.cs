using Pcc.LocalHost;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>
/// The worker for the subscription tests that are not about request limits: its subscribe limits are lifted, since
/// those count every test's requests in the worker together (and a test's own client may subscribe many times).
/// </summary>
public sealed class SubscriptionsFixture : AppFixture
{
    protected override void Configure(LocalHostOptions options)
    {
        options.Settings["Subscriptions:RateLimits:SubscribePerClientPerMinute"] = "100000";
        options.Settings["Subscriptions:RateLimits:SubscribeAllClientsPerMinute"] = "100000";
        options.Settings["Subscriptions:RateLimits:SubscribePerRecipientDomainPerMinute"] = "100000";
    }
}
