using Pcc.LocalHost;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>A second instance of the app: its own worker process on the subscribers table and secrets container of <paramref name="first"/>.</summary>
public sealed class SameStorageFixture(AppFixture first) : AppFixture
{
    protected override void Configure(LocalHostOptions options)
    {
        foreach (var setting in new[] { "Storage:TablePrefix", "Storage:SecretsContainer" })
        {
            options.Settings[setting] = first.Host.Configuration[setting];
        }
    }
}
