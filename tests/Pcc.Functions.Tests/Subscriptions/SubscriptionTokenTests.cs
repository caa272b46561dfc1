using System.Net;
using System.Security.Cryptography;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using static Pcc.Functions.Tests.Subscriptions.SubscriptionApp;

namespace Pcc.Functions.Tests.Subscriptions;

public sealed class SubscriptionTokenTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Email = "tokens@example.org";

    [Fact]
    public async Task AConfirmationLinkSignedWithAnotherKeyIsRejected()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAsync(Email, [Themes.Drugs]);
        var subscriber = (await app.StoredAsync(Email))!;

        var forged = SubscriptionTokenCodec.Encode(
            new SubscriptionToken(TokenPurpose.Confirm, subscriber.Id, app.Time.GetUtcNow().AddDays(1), subscriber.Generation), RandomNumberGenerator.GetBytes(32));

        await AssertRejectedAsync(app, HttpMethod.Get, $"{Confirm}?token={forged}");
        Assert.Equal(SubscriberStatus.Pending, (await app.StoredAsync(Email))!.Status);
    }

    [Fact]
    public async Task AlteringAnyCharacterOfALinkBreaksIt()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAsync(Email, [Themes.Drugs]);
        var token = app.Mail.Sent[^1].Token(Confirm);

        foreach (var position in new[] { 0, 1, 5, token.Length / 2, token.Length - 2, token.Length - 1 })
        {
            var altered = token[..position] + (token[position] == 'A' ? 'B' : 'A') + token[(position + 1)..];
            await AssertRejectedAsync(app, HttpMethod.Get, $"{Confirm}?token={altered}");
        }

        await AssertRejectedAsync(app, HttpMethod.Get, $"{Confirm}?token={token[..^1]}");
        await AssertRejectedAsync(app, HttpMethod.Get, $"{Confirm}?token={token}A");
        await AssertRejectedAsync(app, HttpMethod.Get, Confirm);
        Assert.Equal(SubscriberStatus.Pending, (await app.StoredAsync(Email))!.Status);
    }

    [Fact]
    public async Task AConfirmationLinkExpiresAfterSevenDays()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAsync(Email, [Themes.Drugs]);
        var link = app.Mail.Sent[^1].Link(Confirm);

        app.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        await AssertRejectedAsync(app, HttpMethod.Get, link.PathAndQuery);
        Assert.Equal(SubscriberStatus.Pending, (await app.StoredAsync(Email))!.Status);
    }

    [Fact]
    public async Task AManageLinkExpiresButAnUnsubscribeLinkStillWorks()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        var manage = await app.SubscribeAndConfirmAsync(Email, [Themes.Drugs]);
        var unsubscribe = await app.UnsubscribeLinkAsync(Email);

        app.Time.Advance(TimeSpan.FromDays(91));

        await AssertRejectedAsync(app, HttpMethod.Get, $"{Me}?token={manage}");
        using var put = await app.PutMeAsync(manage, [Themes.Victims], "weekly");
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal([Themes.Drugs], (await app.StoredAsync(Email))!.Themes);
        using var oneClick = await app.OneClickUnsubscribeAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await app.StoredAsync(Email))!.Status);
    }

    [Fact]
    public async Task ALinkOnlyWorksForItsOwnPurpose()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        var manage = await app.SubscribeAndConfirmAsync(Email, [Themes.Drugs]);
        var unsubscribe = (await app.UnsubscribeLinkAsync(Email)).Query.Split("token=")[1];
        var confirm = app.Mail.Sent[^1].Token(Confirm);

        await AssertRejectedAsync(app, HttpMethod.Get, $"{Me}?token={unsubscribe}");
        await AssertRejectedAsync(app, HttpMethod.Get, $"{Me}?token={confirm}");
        await AssertRejectedAsync(app, HttpMethod.Post, $"{Unsubscribe}?token={manage}");
        await AssertRejectedAsync(app, HttpMethod.Post, $"{Unsubscribe}?token={confirm}");
        await AssertRejectedAsync(app, HttpMethod.Get, $"{Confirm}?token={manage}");

        Assert.Equal(SubscriberStatus.Active, (await app.StoredAsync(Email))!.Status);
    }

    [Fact]
    public async Task AnOldConfirmationLinkCannotUndoAnUnsubscribe()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAndConfirmAsync(Email, [Themes.Drugs]);
        var confirm = app.Mail.Sent[^1].Link(Confirm);
        using (await app.OneClickUnsubscribeAsync(await app.UnsubscribeLinkAsync(Email)))
        {
        }

        await AssertRejectedAsync(app, HttpMethod.Get, confirm.PathAndQuery);

        Assert.Equal(SubscriberStatus.Unsubscribed, (await app.StoredAsync(Email))!.Status);
    }

    [Fact]
    public async Task AConfiguredSecretSignsTheLinks()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite, new Dictionary<string, string?> { ["Subscriptions:TokenSecret"] = Convert.ToBase64String(key) });

        await app.SubscribeAsync(Email, [Themes.Drugs]);

        Assert.True(SubscriptionTokenCodec.TryDecode(app.Mail.Sent[^1].Token(Confirm), key, out var token));
        Assert.Equal(TokenPurpose.Confirm, token.Purpose);
        Assert.Equal((await app.StoredAsync(Email))!.Id, token.SubscriberId);
    }

    private static async Task AssertRejectedAsync(SubscriptionApp app, HttpMethod method, string path)
    {
        using var response = await app.Http.SendAsync(new HttpRequestMessage(method, path));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
    }
}
