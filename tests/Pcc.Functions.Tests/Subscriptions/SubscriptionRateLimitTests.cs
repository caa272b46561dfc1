using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Subscriptions;

public sealed class SubscriptionRateLimitTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TheSixthSubscribeRequestInAMinuteFromOneClientIsRefusedAndOtherClientsAreNot()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite, defaultRateLimits: true);

        for (var i = 0; i < 5; i++)
        {
            using var allowed = await app.SubscribeAsync($"reader{i}@example.org", [Themes.Drugs], client: "203.0.113.10");
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }

        using var refused = await app.SubscribeAsync("reader5@example.org", [Themes.Drugs], client: "203.0.113.10, 10.0.0.1");
        using var other = await app.SubscribeAsync("reader6@example.org", [Themes.Drugs], client: "203.0.113.11:50123");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must give a delay");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.Null(await app.StoredAsync("reader5@example.org"));
    }

    [Fact]
    public async Task SubscribingHasACapAcrossAllClients()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite, new Dictionary<string, string?>
        {
            ["Subscriptions:RateLimits:SubscribeAllClientsPerMinute"] = "3",
        }, defaultRateLimits: true);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await app.SubscribeAsync($"spread{i}@example.org", [Themes.Drugs], client: $"192.0.2.{i + 1}");
            statuses.Add(response.StatusCode);
        }

        using var link = await app.Http.GetAsync($"{SubscriptionApp.Me}?token=x");
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
    }

    [Fact]
    public async Task TenRequestsForOneAddressSendAtMostThreeEmailsAnHour()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite, defaultRateLimits: true);

        for (var i = 0; i < 10; i++)
        {
            using var response = await app.SubscribeAsync("target@example.org", [Themes.Drugs], client: $"203.0.113.{20 + i}");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(3, app.Mail.To("target@example.org").Count);

        app.Time.Advance(TimeSpan.FromMinutes(61));
        using (await app.SubscribeAsync("target@example.org", [Themes.Drugs], client: "203.0.113.99"))
        {
        }

        Assert.Equal(4, app.Mail.To("target@example.org").Count);
    }

    [Fact]
    public async Task AnActiveSubscriberIsRemindedAtMostThreeTimesAnHour()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAndConfirmAsync("busy@example.org", [Themes.Drugs]);

        for (var i = 0; i < 5; i++)
        {
            using var response = await app.SubscribeAsync("busy@example.org", [Themes.Victims]);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(3, app.Mail.To("busy@example.org").Count);
    }
}
