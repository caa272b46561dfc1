using System.Security.Cryptography;
using Pcc.LocalHost;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>
/// The worker with the default subscribe limits, two failed link tokens per client a minute, and a configured token secret.
/// </summary>
public sealed class LimitsFixture : AppFixture
{
    /// <summary>The configured <c>Subscriptions:TokenSecret</c>.</summary>
    public byte[] TokenKey { get; } = RandomNumberGenerator.GetBytes(32);

    protected override void Configure(LocalHostOptions options)
    {
        options.Settings["Subscriptions:RateLimits:LinksPerClientPerMinute"] = "2";
        // Above what the collection's other tests send to example.test in a minute; the domain test uses a domain of its own.
        options.Settings["Subscriptions:RateLimits:SubscribePerRecipientDomainPerMinute"] = "30";
        options.Settings["Subscriptions:TokenSecret"] = Convert.ToBase64String(TokenKey);
    }
}
