using Pcc.LocalHost;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>A worker of its own with a cap of three subscribe requests a minute across all clients: the cap counts every request the worker gets.</summary>
public sealed class SubscribeCapFixture : AppFixture
{
    protected override void Configure(LocalHostOptions options) =>
        options.Settings["Subscriptions:RateLimits:SubscribeAllClientsPerMinute"] = "3";
}
