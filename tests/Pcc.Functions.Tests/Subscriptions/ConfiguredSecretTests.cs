using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using static Pcc.Functions.Tests.Subscriptions.ReaderClient;

namespace Pcc.Functions.Tests.Subscriptions;

[Collection(LimitsCollection.Name)]
public sealed class ConfiguredSecretTests(LimitsFixture app)
{
    [Fact]
    public async Task AConfiguredSecretSignsTheLinks()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("tokens");

        using (await reader.SubscribeAsync(email, [Themes.Drugs]))
        {
        }

        Assert.True(SubscriptionTokenCodec.TryDecode((await reader.WaitForMailAsync(email))[^1].Token(Confirm), app.TokenKey, out var token));
        Assert.Equal(TokenPurpose.Confirm, token.Purpose);
        Assert.Equal((await reader.StoredAsync(email))!.Id, token.SubscriberId);
    }
}
