using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using static Pcc.Functions.Tests.Subscriptions.SubscriptionApp;

namespace Pcc.Functions.Tests.Subscriptions;

public sealed class SubscriptionFlowTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ASubscriberConfirmsManagesUnsubscribesAndComesBack()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        const string Email = "reader@example.org";

        using var subscribed = await app.SubscribeAsync(Email, [Themes.Violence, Themes.Victims], "daily");
        Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        var confirmation = Assert.Single(app.Mail.Sent);
        Assert.Equal(Email, confirmation.To);
        Assert.Equal(SubscriptionMailer.ConfirmationCategory, confirmation.Category);
        Assert.Equal(SubscriberStatus.Pending, (await app.StoredAsync(Email))!.Status);

        Assert.Contains("Confirm your subscription", await app.GetStringAsync(confirmation.Link(Confirm)));
        Assert.Equal(SubscriberStatus.Pending, (await app.StoredAsync(Email))!.Status);
        var page = await app.ConfirmAsync(confirmation.Link(Confirm));
        Assert.Contains("You are subscribed", page);
        Assert.Equal(SubscriberStatus.Active, (await app.StoredAsync(Email))!.Status);
        Assert.Contains("You are subscribed", await app.GetStringAsync(confirmation.Link(Confirm)));
        var manage = ManageToken(page);

        var me = await app.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={manage}");
        Assert.Equal(Email, me.GetProperty("email").GetString());
        Assert.Equal([Themes.Violence, Themes.Victims], me.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("daily", me.GetProperty("frequency").GetString());
        Assert.Equal("active", me.GetProperty("status").GetString());
        Assert.Equal([Email], (await app.ActiveAsync(SubscriptionFrequency.Daily)).Select(s => s.Address));

        using var changed = await app.PutMeAsync(manage, [Themes.Drugs], "weekly");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([Themes.Drugs], after.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("weekly", (await app.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={manage}")).GetProperty("frequency").GetString());
        Assert.Empty(await app.ActiveAsync(SubscriptionFrequency.Daily));
        Assert.Equal([Themes.Drugs], Assert.Single(await app.ActiveAsync(SubscriptionFrequency.Weekly)).Themes);

        var unsubscribe = await app.UnsubscribeLinkAsync(Email);
        using var oneClick = await app.OneClickUnsubscribeAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await app.StoredAsync(Email))!.Status);
        Assert.Empty(await app.ActiveAsync(SubscriptionFrequency.Weekly));
        using var again = await app.OneClickUnsubscribeAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var oldManage = await app.Http.GetAsync($"{Me}?token={manage}");
        Assert.Equal(HttpStatusCode.BadRequest, oldManage.StatusCode);

        using var returning = await app.SubscribeAsync(Email, [Themes.Victims], "immediate");
        using var brandNew = await app.SubscribeAsync("newcomer@example.org", [Themes.Victims], "immediate");
        Assert.Equal(await brandNew.Content.ReadAsByteArrayAsync(), await returning.Content.ReadAsByteArrayAsync());
        Assert.Equal(brandNew.StatusCode, returning.StatusCode);

        await app.ConfirmAsync(app.Mail.To(Email)[^1].Link(Confirm));
        var back = (await app.StoredAsync(Email))!;
        Assert.Equal((SubscriberStatus.Active, SubscriptionFrequency.Immediate), (back.Status, back.Frequency));
        Assert.Equal([Themes.Victims], back.Themes);
        Assert.Equal([Email], (await app.ActiveAsync(SubscriptionFrequency.Immediate)).Select(s => s.Address));
    }

    [Fact]
    public async Task EveryValidSubscribeRequestGetsTheSameAnswerAndAnActiveSubscriptionKeepsItsSettings()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAsync("pending@example.org", [Themes.Drugs]);
        await app.SubscribeAndConfirmAsync("active@example.org", [Themes.Violence], "weekly");
        await app.SubscribeAndConfirmAsync("gone@example.org", [Themes.Violence]);
        using (await app.OneClickUnsubscribeAsync(await app.UnsubscribeLinkAsync("gone@example.org")))
        {
        }

        var answers = new List<(HttpStatusCode, string?, byte[])>();
        foreach (var email in new[] { "new@example.org", "pending@example.org", "active@example.org", "gone@example.org" })
        {
            using var response = await app.SubscribeAsync(email, [Themes.Victims, Themes.Drugs], "immediate");
            answers.Add((response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync()));
        }

        Assert.Single(answers.DistinctBy(a => (a.Item1, a.Item2, Convert.ToBase64String(a.Item3))));
        Assert.Equal(HttpStatusCode.Accepted, answers[0].Item1);

        var active = (await app.StoredAsync("active@example.org"))!;
        Assert.Equal((SubscriberStatus.Active, SubscriptionFrequency.Weekly), (active.Status, active.Frequency));
        Assert.Equal([Themes.Violence], active.Themes);
        var reminder = app.Mail.To("active@example.org")[^1];
        Assert.Equal(SubscriptionMailer.AlreadySubscribedCategory, reminder.Category);
        var me = await app.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={reminder.Token(Me)}");
        Assert.Equal("weekly", me.GetProperty("frequency").GetString());
    }

    [Fact]
    public async Task SimultaneousRequestsForOneAddressMakeOneSubscriber()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SubscribeAsync("race@example.org", [Themes.Drugs])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(3, app.Mail.To("race@example.org").Count);
        var manage = await app.SubscribeAndConfirmAsync("race-two@example.org", [Themes.Drugs]);
        var updates = await Task.WhenAll(
            app.PutMeAsync(manage, [Themes.Victims], "weekly"),
            app.PutMeAsync(manage, [Themes.Violence], "weekly"),
            app.PutMeAsync(manage, [Themes.Victims, Themes.Violence], "weekly"));
        Assert.All(updates, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["race-two@example.org"], (await app.ActiveAsync(SubscriptionFrequency.Weekly)).Select(s => s.Address));
        Assert.Empty(await app.ActiveAsync(SubscriptionFrequency.Daily));
    }

    [Fact]
    public async Task OpeningAConfirmationLinkAsAMailScannerDoesChangeNothing()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAsync("scanned@example.org", [Themes.Drugs]);
        var link = app.Mail.Sent[^1].Link(Confirm);

        for (var i = 0; i < 3; i++)
        {
            using var head = await app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, link));
            var page = await app.GetStringAsync(link);
            Assert.Contains("<form method=\"post\"><button type=\"submit\">Confirm</button></form>", page);
        }

        Assert.Equal(SubscriberStatus.Pending, (await app.StoredAsync("scanned@example.org"))!.Status);
        Assert.Empty(await app.ActiveAsync(SubscriptionFrequency.Daily));
    }

    [Fact]
    public async Task LinksKeepWorkingAfterARestartWithoutAConfiguredSecret()
    {
        var shared = new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = AzuriteFixture.UniqueName("t"),
            ["Storage:SecretsContainer"] = AzuriteFixture.UniqueName("secrets-"),
        };
        Uri link;
        await using (var first = await SubscriptionApp.StartAsync(fixture.Azurite, shared))
        {
            await first.SubscribeAsync("restart@example.org", [Themes.Drugs]);
            link = first.Mail.Sent[^1].Link(Confirm);
        }

        await using var second = await SubscriptionApp.StartAsync(fixture.Azurite, shared);
        await second.ConfirmAsync(new Uri(second.Http.BaseAddress!, link.PathAndQuery));

        Assert.Equal(SubscriberStatus.Active, (await second.StoredAsync("restart@example.org"))!.Status);
    }

    [Fact]
    public async Task TheEditorsListIsReadFromConfiguration()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite, new Dictionary<string, string?>
        {
            ["Notifications:Editors"] = " desk@Example.ORG; Chief.Editor@example.org,desk@example.org ;",
        });

        var editors = app.App.GetRequiredService<Microsoft.Extensions.Options.IOptions<EditorsOptions>>().Value.GetAddresses();

        Assert.Equal(["desk@example.org", "Chief.Editor@example.org"], editors);
    }
}
