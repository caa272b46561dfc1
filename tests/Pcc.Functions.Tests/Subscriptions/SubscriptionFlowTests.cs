using Pcc.Notifications.Digests;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using static Pcc.Functions.Tests.Subscriptions.ReaderClient;

namespace Pcc.Functions.Tests.Subscriptions;

[Collection(SubscriptionsCollection.Name)]
public sealed class SubscriptionFlowTests(SubscriptionsFixture app)
{
    [Fact]
    public async Task ASubscriberConfirmsManagesUnsubscribesAndComesBack()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress();

        using var subscribed = await reader.SubscribeAsync(email, [Themes.Violence, Themes.Victims], "daily");
        Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        var confirmation = Assert.Single(await reader.ExactMailToAsync(email, 1));
        Assert.Equal([email], confirmation.To);
        Assert.Equal(SubscriptionMailer.ConfirmationCategory, confirmation.Category());
        Assert.Equal(SubscriberStatus.Pending, (await reader.StoredAsync(email))!.Status);

        Assert.Contains("Confirm your subscription", await reader.GetStringAsync(confirmation.Link(Confirm)));
        Assert.Equal(SubscriberStatus.Pending, (await reader.StoredAsync(email))!.Status);
        var page = await reader.ConfirmAsync(confirmation.Link(Confirm));
        Assert.Contains("You are subscribed", page);
        Assert.Equal(SubscriberStatus.Active, (await reader.StoredAsync(email))!.Status);
        Assert.Contains("You are subscribed", await reader.GetStringAsync(confirmation.Link(Confirm)));
        var manage = ManageToken(page);

        var me = await reader.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={manage}");
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal([Themes.Violence, Themes.Victims], me.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("daily", me.GetProperty("frequency").GetString());
        Assert.Equal("active", me.GetProperty("status").GetString());
        Assert.Equal([email], (await reader.ActiveAsync(DigestFrequency.Daily, email)).Select(s => s.Address));

        using var changed = await reader.PutMeAsync(manage, [Themes.Drugs], "weekly");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([Themes.Drugs], after.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("weekly", (await reader.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={manage}")).GetProperty("frequency").GetString());
        Assert.Empty(await reader.ActiveAsync(DigestFrequency.Daily, email));
        Assert.Equal([Themes.Drugs], Assert.Single(await reader.ActiveAsync(DigestFrequency.Weekly, email)).Themes);

        var unsubscribe = await reader.UnsubscribeLinkAsync(email);
        using var oneClick = await reader.OneClickUnsubscribeAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await reader.StoredAsync(email))!.Status);
        Assert.Empty(await reader.ActiveAsync(DigestFrequency.Weekly, email));
        using var again = await reader.OneClickUnsubscribeAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var oldManage = await reader.Http.GetAsync($"{Me}?token={manage}");
        Assert.Equal(HttpStatusCode.BadRequest, oldManage.StatusCode);

        using var returning = await reader.SubscribeAsync(email, [Themes.Victims], "immediate");
        using var brandNew = await reader.SubscribeAsync(MailDevFixture.UniqueAddress("newcomer"), [Themes.Victims], "immediate");
        Assert.Equal(await brandNew.Content.ReadAsByteArrayAsync(), await returning.Content.ReadAsByteArrayAsync());
        Assert.Equal(brandNew.StatusCode, returning.StatusCode);

        await reader.ConfirmAsync((await reader.WaitForMailAsync(email, 2))[^1].Link(Confirm));
        var back = (await reader.StoredAsync(email))!;
        Assert.Equal((SubscriberStatus.Active, DigestFrequency.Immediate), (back.Status, back.Frequency));
        Assert.Equal([Themes.Victims], back.Themes);
        Assert.Equal([email], (await reader.ActiveAsync(DigestFrequency.Immediate, email)).Select(s => s.Address));
    }

    [Fact]
    public async Task EveryValidSubscribeRequestGetsTheSameAnswerAndAnActiveSubscriptionKeepsItsSettings()
    {
        using var reader = new ReaderClient(app);
        string fresh = MailDevFixture.UniqueAddress("new"), pending = MailDevFixture.UniqueAddress("pending"),
            active = MailDevFixture.UniqueAddress("active"), gone = MailDevFixture.UniqueAddress("gone");
        using (await reader.SubscribeAsync(pending, [Themes.Drugs]))
        {
        }

        await reader.SubscribeAndConfirmAsync(active, [Themes.Violence], "weekly");
        await reader.SubscribeAndConfirmAsync(gone, [Themes.Violence]);
        using (await reader.OneClickUnsubscribeAsync(await reader.UnsubscribeLinkAsync(gone)))
        {
        }

        var answers = new List<(HttpStatusCode, string?, byte[])>();
        foreach (var email in new[] { fresh, pending, active, gone })
        {
            using var response = await reader.SubscribeAsync(email, [Themes.Victims, Themes.Drugs], "immediate");
            answers.Add((response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync()));
        }

        Assert.Single(answers.DistinctBy(a => (a.Item1, a.Item2, Convert.ToBase64String(a.Item3))));
        Assert.Equal(HttpStatusCode.Accepted, answers[0].Item1);

        var stored = (await reader.StoredAsync(active))!;
        Assert.Equal((SubscriberStatus.Active, DigestFrequency.Weekly), (stored.Status, stored.Frequency));
        Assert.Equal([Themes.Violence], stored.Themes);
        var reminder = (await reader.WaitForMailAsync(active, 2))[^1];
        Assert.Equal(SubscriptionMailer.AlreadySubscribedCategory, reminder.Category());
        var me = await reader.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={reminder.Token(Me)}");
        Assert.Equal("weekly", me.GetProperty("frequency").GetString());
    }

    [Fact]
    public async Task SimultaneousRequestsForOneAddressMakeOneSubscriber()
    {
        using var reader = new ReaderClient(app);
        string race = MailDevFixture.UniqueAddress("race"), raceTwo = MailDevFixture.UniqueAddress("race-two");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => reader.SubscribeAsync(race, [Themes.Drugs])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await reader.ExactMailToAsync(race, 3);
        var manage = await reader.SubscribeAndConfirmAsync(raceTwo, [Themes.Drugs]);
        var updates = await Task.WhenAll(
            reader.PutMeAsync(manage, [Themes.Victims], "weekly"),
            reader.PutMeAsync(manage, [Themes.Violence], "weekly"),
            reader.PutMeAsync(manage, [Themes.Victims, Themes.Violence], "weekly"));
        Assert.All(updates, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([raceTwo], (await reader.ActiveAsync(DigestFrequency.Weekly, race, raceTwo)).Select(s => s.Address));
        Assert.Empty(await reader.ActiveAsync(DigestFrequency.Daily, race, raceTwo));
    }

    [Fact]
    public async Task OpeningAConfirmationLinkAsAMailScannerDoesChangeNothing()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("scanned");
        using (await reader.SubscribeAsync(email, [Themes.Drugs]))
        {
        }

        var link = (await reader.WaitForMailAsync(email))[^1].Link(Confirm);

        for (var i = 0; i < 3; i++)
        {
            using var head = await reader.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, link));
            var page = await reader.GetStringAsync(link);
            Assert.Contains("<form method=\"post\"><button type=\"submit\">Confirm</button></form>", page);
        }

        Assert.Equal(SubscriberStatus.Pending, (await reader.StoredAsync(email))!.Status);
        Assert.Empty(await reader.ActiveAsync(DigestFrequency.Daily, email));
    }

    /// <summary>
    /// The second instance is another worker process, started after the link was sent, with nothing of the first in its
    /// memory: what a restart or a scaled-out instance is to a link in someone's inbox.
    /// </summary>
    [Fact]
    public async Task LinksKeepWorkingInAnotherInstanceOnTheSameStorageWithoutAConfiguredSecret()
    {
        Assert.True(string.IsNullOrWhiteSpace(app.Host.Configuration["Subscriptions:TokenSecret"]), "This worker must generate its secret.");
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("restart");
        using (await reader.SubscribeAsync(email, [Themes.Drugs]))
        {
        }

        var link = (await reader.WaitForMailAsync(email))[^1].Link(Confirm);

        var second = new SameStorageFixture(app);
        try
        {
            await second.InitializeAsync();
            using var secondReader = new ReaderClient(second);
            Assert.Contains("You are subscribed", await secondReader.ConfirmAsync(new Uri(second.Host.FrontDoorAddress, link.PathAndQuery)));
        }
        finally
        {
            await second.DisposeAsync();
        }

        Assert.Equal(SubscriberStatus.Active, (await reader.StoredAsync(email))!.Status);
    }
}
