using System.Net;
using System.Text.Encodings.Web;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using static Pcc.Functions.Tests.Subscriptions.ReaderClient;

namespace Pcc.Functions.Tests.Subscriptions;

[Collection(SubscriptionsCollection.Name)]
public sealed class SubscriptionPageTests(SubscriptionsFixture app)
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task ScriptInAnyInputNeverComesBackUnescaped()
    {
        using var reader = new ReaderClient(app);
        var tag = Guid.NewGuid().ToString("N");
        var bodies = new List<string>();
        foreach (var body in new object[]
        {
            new { email = $"{Script}@{tag}.example.org", themes = new[] { Themes.Drugs }, frequency = "daily" },
            new { email = $"reader@{tag}.example.org", themes = new[] { Script }, frequency = Script },
        })
        {
            using var response = await reader.PostJsonAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        foreach (var path in new[] { Confirm, Me, Unsubscribe })
        {
            using var get = await reader.Http.GetAsync($"{path}?token={Uri.EscapeDataString(Script)}");
            Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
            bodies.Add(await get.Content.ReadAsStringAsync());
        }

        using var post = await reader.Http.PostAsync($"{Unsubscribe}?token={Uri.EscapeDataString(Script)}", new StringContent(Script));
        bodies.Add(await post.Content.ReadAsStringAsync());

        Assert.All(bodies, b => Assert.DoesNotContain("<script", b, StringComparison.OrdinalIgnoreCase));
        await reader.AssertNoMailToAnyAddressWithAsync(tag);
    }

    [Fact]
    public async Task AnAddressIsEncodedOnEveryPage()
    {
        using var reader = new ReaderClient(app);
        var tag = Guid.NewGuid().ToString("N")[..12];
        var email = $"o'brien&{{co}}{tag}@example.org";

        var manage = await reader.SubscribeAndConfirmAsync(email, [Themes.Violence]);
        var confirmed = await reader.GetStringAsync((await reader.MailToAsync(email))[^1].Link(Confirm));
        var unsubscribe = await reader.UnsubscribeLinkAsync(email);
        var unsubscribePage = await reader.GetStringAsync(unsubscribe);
        using var unsubscribed = await reader.OneClickUnsubscribeAsync(unsubscribe);
        var unsubscribedPage = await unsubscribed.Content.ReadAsStringAsync();

        foreach (var page in new[] { confirmed, unsubscribePage })
        {
            Assert.Contains(HtmlEncoder.Default.Encode(email), page);
            Assert.DoesNotContain(email, page);
        }

        // Unsubscribing deletes the address, so the page after it has none to show.
        Assert.DoesNotContain(email, unsubscribedPage);
        Assert.Contains("You are unsubscribed", unsubscribedPage);

        Assert.Contains("Tackling violence and exploitation", confirmed);
        Assert.NotEmpty(manage);
    }

    [Fact]
    public async Task PagesAreSentWithHeadersThatKeepTheirLinksPrivate()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("headers");
        using (await reader.SubscribeAsync(email, [Themes.Drugs]))
        {
        }

        using var response = await reader.Http.GetAsync((await reader.WaitForMailAsync(email))[^1].Link(Confirm));

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task TheUnsubscribePageAsksBeforeActing()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("asks");
        await reader.SubscribeAndConfirmAsync(email, [Themes.Drugs]);

        var page = await reader.GetStringAsync(await reader.UnsubscribeLinkAsync(email));

        Assert.Contains("<form method=\"post\">", page);
        Assert.Equal(SubscriberStatus.Active, (await reader.StoredAsync(email))!.Status);
    }
}
