using System.Net;
using Pcc.Testing;
using static Pcc.Functions.Tests.Subscriptions.SubscriptionApp;

namespace Pcc.Functions.Tests.Subscriptions;

public sealed class SubscriptionPageTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task ScriptInAnyInputNeverComesBackUnescaped()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        var bodies = new List<string>();
        foreach (var body in new object[]
        {
            new { email = Script + "@example.org", themes = new[] { Themes.Drugs }, frequency = "daily" },
            new { email = "reader@example.org", themes = new[] { Script }, frequency = Script },
        })
        {
            using var response = await app.PostJsonAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        foreach (var path in new[] { Confirm, Me, Unsubscribe })
        {
            using var get = await app.Http.GetAsync($"{path}?token={Uri.EscapeDataString(Script)}");
            Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
            bodies.Add(await get.Content.ReadAsStringAsync());
        }

        using var post = await app.Http.PostAsync($"{Unsubscribe}?token={Uri.EscapeDataString(Script)}", new StringContent(Script));
        bodies.Add(await post.Content.ReadAsStringAsync());

        Assert.All(bodies, b => Assert.DoesNotContain("<script", b, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(app.Mail.Sent);
    }

    [Fact]
    public async Task AnAddressIsEncodedOnEveryPage()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        const string Email = "o'brien&{co}@example.org";

        var manage = await app.SubscribeAndConfirmAsync(Email, [Themes.Violence]);
        var confirmed = await app.GetStringAsync(app.Mail.Sent[^1].Link(Confirm));
        var unsubscribe = await app.UnsubscribeLinkAsync(Email);
        var unsubscribePage = await app.GetStringAsync(unsubscribe);
        using var unsubscribed = await app.OneClickUnsubscribeAsync(unsubscribe);
        var unsubscribedPage = await unsubscribed.Content.ReadAsStringAsync();

        foreach (var page in new[] { confirmed, unsubscribePage, unsubscribedPage })
        {
            Assert.Contains("o&#39;brien&amp;{co}@example.org", page);
            Assert.DoesNotContain(Email, page);
        }

        Assert.Contains("Tackling violence and exploitation", confirmed);
        Assert.NotEmpty(manage);
    }

    [Fact]
    public async Task PagesAreSentWithHeadersThatKeepTheirLinksPrivate()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAsync("headers@example.org", [Themes.Drugs]);

        using var response = await app.Http.GetAsync(app.Mail.Sent[^1].Link(Confirm));

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task TheUnsubscribePageAsksBeforeActing()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAndConfirmAsync("asks@example.org", [Themes.Drugs]);

        var page = await app.GetStringAsync(await app.UnsubscribeLinkAsync("asks@example.org"));

        Assert.Contains("<form method=\"post\">", page);
        Assert.Equal(Pcc.Notifications.Subscriptions.SubscriberStatus.Active, (await app.StoredAsync("asks@example.org"))!.Status);
    }
}
