using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.Functions.Subscriptions;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Subscriptions;

[Collection(LimitsCollection.Name)]
public sealed class SubscriptionRateLimitTests(LimitsFixture app)
{
    /// <summary>How the app reads the client from <c>X-Forwarded-For</c> behind a proxy is <see cref="ClientAddressTests"/>'.</summary>
    [Fact]
    public async Task TheSixthSubscribeRequestInAMinuteFromOneClientIsRefusedAndOtherClientsAreNot()
    {
        using var reader = new ReaderClient(app);
        string client = ReaderClient.NextClient(), other = ReaderClient.NextClient();
        var refusedAddress = MailDevFixture.UniqueAddress("refused");
        await ReaderClient.StartOfWindowAsync(TimeSpan.FromSeconds(20));

        for (var i = 0; i < 5; i++)
        {
            using var allowed = await reader.SubscribeAsync(MailDevFixture.UniqueAddress(), [Themes.Drugs], client: client);
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }

        using var refused = await reader.SubscribeAsync(refusedAddress, [Themes.Drugs], client: client);
        using var fromOther = await reader.SubscribeAsync(MailDevFixture.UniqueAddress(), [Themes.Drugs], client: other);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must give a delay");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, fromOther.StatusCode);
        Assert.Null(await reader.StoredAsync(refusedAddress));
        await reader.ExactMailToAsync(refusedAddress, 0);
    }

    /// <summary>The app's own limiter in this process is a second instance over the worker's storage, as a scaled-out instance would be.</summary>
    [Fact]
    public async Task SubscribeRequestsCountedByAnotherInstanceOnTheSameStorageCountForTheWorkerToo()
    {
        using var reader = new ReaderClient(app);
        var otherInstance = app.GetRequiredService<SubscriptionRateLimits>();
        var refusedAddress = MailDevFixture.UniqueAddress("refused");
        await ReaderClient.StartOfWindowAsync(TimeSpan.FromSeconds(20));

        for (var i = 0; i < 5; i++)
        {
            var elsewhere = new DefaultHttpContext();
            elsewhere.Connection.RemoteIpAddress = IPAddress.Parse(reader.Client);
            Assert.Null(await otherInstance.SubscribeAsync(elsewhere.Request, CancellationToken.None));
        }

        using var refused = await reader.SubscribeAsync(refusedAddress, [Themes.Drugs]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Null(await reader.StoredAsync(refusedAddress));
    }

    [Fact]
    public async Task TheThirtyFirstSubscribeRequestInAMinuteForOneRecipientDomainIsRefusedWhateverItsCase()
    {
        Assert.Equal("30", app.Host.Configuration["Subscriptions:RateLimits:SubscribePerRecipientDomainPerMinute"]);
        using var reader = new ReaderClient(app);
        var domain = $"d{Guid.NewGuid():N}.example.test";
        string Address(int i) => $"reader{i}@{(i % 2 == 0 ? domain : domain.ToUpperInvariant())}";
        await ReaderClient.StartOfWindowAsync(TimeSpan.FromSeconds(40));

        for (var i = 0; i < 30; i++)
        {
            using var allowed = await reader.SubscribeAsync(Address(i), [Themes.Drugs], client: ReaderClient.NextClient());
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }

        using var refused = await reader.SubscribeAsync(Address(31), [Themes.Drugs], client: ReaderClient.NextClient());
        using var otherDomain = await reader.SubscribeAsync($"reader@other-{domain}", [Themes.Drugs], client: ReaderClient.NextClient());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must give a delay");
        Assert.Null(await reader.StoredAsync(Address(31)));
        Assert.Equal(HttpStatusCode.Accepted, otherDomain.StatusCode);
    }

    [Fact]
    public async Task TenRequestsForOneAddressSendAtMostThreeEmailsAnHour()
    {
        using var reader = new ReaderClient(app);
        var target = MailDevFixture.UniqueAddress("target");

        for (var i = 0; i < 10; i++)
        {
            using var response = await reader.SubscribeAsync(target, [Themes.Drugs], client: ReaderClient.NextClient());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // That the allowance comes back an hour later is AddressAllowanceTests' (the worker runs on the real clock).
        await reader.ExactMailToAsync(target, 3);
    }

    [Fact]
    public async Task AnActiveSubscriberIsRemindedAtMostThreeTimesAnHour()
    {
        using var reader = new ReaderClient(app);
        var busy = MailDevFixture.UniqueAddress("busy");
        await reader.SubscribeAndConfirmAsync(busy, [Themes.Drugs]);

        for (var i = 0; i < 5; i++)
        {
            using var response = await reader.SubscribeAsync(busy, [Themes.Victims], client: ReaderClient.NextClient());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await reader.ExactMailToAsync(busy, 3);
    }

    [Fact]
    public async Task PostingTheManageFormWithABogusTokenIsRateLimitedLikeTheOtherLinks()
    {
        Assert.Equal("2", app.Host.Configuration["Subscriptions:RateLimits:LinksPerClientPerMinute"]);
        using var reader = new ReaderClient(app);

        var statuses = new List<HttpStatusCode>();
        await ReaderClient.StartOfWindowAsync(TimeSpan.FromSeconds(20));
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{ReaderClient.Me}?token=not-a-token") { Content = new FormUrlEncodedContent([new("frequency", "daily")]) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var response = await reader.Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }
}
