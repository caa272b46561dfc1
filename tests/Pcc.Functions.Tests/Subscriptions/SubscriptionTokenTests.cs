using System.Net;
using System.Security.Cryptography;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using static Pcc.Functions.Tests.Subscriptions.ReaderClient;

namespace Pcc.Functions.Tests.Subscriptions;

[Collection(SubscriptionsCollection.Name)]
public sealed class SubscriptionTokenTests(SubscriptionsFixture app)
{
    private readonly string _email = MailDevFixture.UniqueAddress("tokens");

    [Fact]
    public async Task AConfirmationLinkSignedWithAnotherKeyIsRejected()
    {
        using var reader = new ReaderClient(app);
        using (await reader.SubscribeAsync(_email, [Themes.Drugs]))
        {
        }

        var subscriber = (await reader.StoredAsync(_email))!;

        var forged = SubscriptionTokenCodec.Encode(
            new SubscriptionToken(TokenPurpose.Confirm, subscriber.Id, DateTimeOffset.UtcNow.AddDays(1), subscriber.Generation), RandomNumberGenerator.GetBytes(32));

        await AssertRejectedAsync(reader, HttpMethod.Get, $"{Confirm}?token={forged}");
        Assert.Equal(SubscriberStatus.Pending, (await reader.StoredAsync(_email))!.Status);
    }

    [Fact]
    public async Task AlteringAnyCharacterOfALinkBreaksIt()
    {
        using var reader = new ReaderClient(app);
        using (await reader.SubscribeAsync(_email, [Themes.Drugs]))
        {
        }

        var token = (await reader.WaitForMailAsync(_email))[^1].Token(Confirm);

        foreach (var position in new[] { 0, 1, 5, token.Length / 2, token.Length - 2, token.Length - 1 })
        {
            var altered = token[..position] + (token[position] == 'A' ? 'B' : 'A') + token[(position + 1)..];
            await AssertRejectedAsync(reader, HttpMethod.Get, $"{Confirm}?token={altered}");
        }

        await AssertRejectedAsync(reader, HttpMethod.Get, $"{Confirm}?token={token[..^1]}");
        await AssertRejectedAsync(reader, HttpMethod.Get, $"{Confirm}?token={token}A");
        await AssertRejectedAsync(reader, HttpMethod.Get, Confirm);
        Assert.Equal(SubscriberStatus.Pending, (await reader.StoredAsync(_email))!.Status);
    }

    /// <summary>The worker runs on the real clock, so the links are signed by the app's own services as of days ago.</summary>
    [Fact]
    public async Task AConfirmationLinkExpiresAfterSevenDays()
    {
        using var reader = new ReaderClient(app);
        using (await reader.SubscribeAsync(_email, [Themes.Drugs]))
        {
        }

        var now = DateTimeOffset.UtcNow;
        var fresh = await LinkIssuedAtAsync(now - TimeSpan.FromDays(7) + TimeSpan.FromMinutes(5), (links, s) => links.ConfirmUrlAsync(s));
        var expired = await LinkIssuedAtAsync(now - TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), (links, s) => links.ConfirmUrlAsync(s));

        Assert.Contains("Confirm your subscription", await reader.GetStringAsync(fresh));
        await AssertRejectedAsync(reader, HttpMethod.Get, expired.PathAndQuery);
        await AssertRejectedAsync(reader, HttpMethod.Post, expired.PathAndQuery);
        Assert.Equal(SubscriberStatus.Pending, (await reader.StoredAsync(_email))!.Status);
    }

    /// <summary>As <see cref="AConfirmationLinkExpiresAfterSevenDays"/>: links signed by the app's own services 91 days ago.</summary>
    [Fact]
    public async Task AManageLinkExpiresButAnUnsubscribeLinkStillWorks()
    {
        using var reader = new ReaderClient(app);
        var current = await reader.SubscribeAndConfirmAsync(_email, [Themes.Drugs]);
        var issued = DateTimeOffset.UtcNow - TimeSpan.FromDays(91);
        var manage = (await LinkIssuedAtAsync(issued, (links, s) => links.ManageUrlAsync(s))).Query.Split("token=")[1];
        var unsubscribe = await LinkIssuedAtAsync(issued, (links, s) => links.UnsubscribeUrlAsync(s));

        using (var stillCurrent = await reader.Http.GetAsync($"{Me}?token={current}"))
        {
            Assert.Equal(HttpStatusCode.OK, stillCurrent.StatusCode);
        }

        await AssertRejectedAsync(reader, HttpMethod.Get, $"{Me}?token={manage}");
        using var put = await reader.PutMeAsync(manage, [Themes.Victims], "weekly");
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal([Themes.Drugs], (await reader.StoredAsync(_email))!.Themes);
        using var oneClick = await reader.OneClickUnsubscribeAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await reader.StoredAsync(_email))!.Status);
    }

    [Fact]
    public async Task ALinkOnlyWorksForItsOwnPurpose()
    {
        using var reader = new ReaderClient(app);
        var manage = await reader.SubscribeAndConfirmAsync(_email, [Themes.Drugs]);
        var unsubscribe = (await reader.UnsubscribeLinkAsync(_email)).Query.Split("token=")[1];
        var confirm = (await reader.MailToAsync(_email))[^1].Token(Confirm);

        await AssertRejectedAsync(reader, HttpMethod.Get, $"{Me}?token={unsubscribe}");
        await AssertRejectedAsync(reader, HttpMethod.Get, $"{Me}?token={confirm}");
        await AssertRejectedAsync(reader, HttpMethod.Post, $"{Unsubscribe}?token={manage}");
        await AssertRejectedAsync(reader, HttpMethod.Post, $"{Unsubscribe}?token={confirm}");
        await AssertRejectedAsync(reader, HttpMethod.Get, $"{Confirm}?token={manage}");

        Assert.Equal(SubscriberStatus.Active, (await reader.StoredAsync(_email))!.Status);
    }

    [Fact]
    public async Task AnOldConfirmationLinkCannotUndoAnUnsubscribe()
    {
        using var reader = new ReaderClient(app);
        await reader.SubscribeAndConfirmAsync(_email, [Themes.Drugs]);
        var confirm = (await reader.MailToAsync(_email))[^1].Link(Confirm);
        using (await reader.OneClickUnsubscribeAsync(await reader.UnsubscribeLinkAsync(_email)))
        {
        }

        await AssertRejectedAsync(reader, HttpMethod.Get, confirm.PathAndQuery);

        Assert.Equal(SubscriberStatus.Unsubscribed, (await reader.StoredAsync(_email))!.Status);
    }

    private static async Task AssertRejectedAsync(ReaderClient reader, HttpMethod method, string path)
    {
        using var response = await reader.Http.SendAsync(new HttpRequestMessage(method, path));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
    }

    /// <summary>A link for this test's subscriber as the app's services would have made it at <paramref name="issuedAt"/>, on the worker's settings.</summary>
    private async Task<Uri> LinkIssuedAtAsync(DateTimeOffset issuedAt, Func<SubscriptionLinks, Subscriber, Task<Uri>> link)
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(issuedAt))
            .AddSingleton(app.Host.Configuration)
            .AddPccFunctionApp(app.Host.Configuration)
            .BuildServiceProvider();
        var subscriber = await services.GetRequiredService<SubscriberStore>().FindByAddressAsync(_email)
            ?? throw new Xunit.Sdk.XunitException($"{_email} is not stored.");
        return await link(services.GetRequiredService<SubscriptionLinks>(), subscriber);
    }

    [Fact]
    public async Task EveryLinkCarriesItsTokenLastInATokenParameterWhichTheHostsRequestTelemetryHides()
    {
        // In OpenTelemetry mode the Functions host passes url.full and url.query of every request span through its
        // Sanitizer, which hides everything from a "token=" (any case) to the end of the value (azure-functions-host,
        // Diagnostics/OpenTelemetry/ActivitySanitizingProcessor.cs). A link keeps its token out of the host's telemetry
        // only while the token is its last parameter, named token, and the app runs in that mode.
        using var reader = new ReaderClient(app);
        using (await reader.SubscribeAsync(_email, [Themes.Drugs]))
        {
        }

        var subscriber = (await reader.StoredAsync(_email))!;
        var links = app.GetRequiredService<SubscriptionLinks>();
        var urls = new[]
        {
            await links.ConfirmUrlAsync(subscriber),
            await links.ManageUrlAsync(subscriber),
            await links.UnsubscribeUrlAsync(subscriber),
        };
        var mailed = (await reader.WaitForMailAsync(_email))[^1].Token(Confirm);

        Assert.All(urls, url => Assert.Matches(@"^https?://[^?]+\?token=[A-Za-z0-9_\-]+$", url.AbsoluteUri));
        Assert.Matches(@"^[A-Za-z0-9_\-]+$", mailed);
        var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json"))).RootElement;
        Assert.Equal("OpenTelemetry", hostJson.GetProperty("telemetryMode").GetString());
    }
}
