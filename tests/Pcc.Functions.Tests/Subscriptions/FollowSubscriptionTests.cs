using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Pcc.Catalogue.PersonalData;
using Pcc.Testing;
using Pcc.Testing.App;
using static Pcc.Functions.Tests.Subscriptions.ReaderClient;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>Following single briefings and case studies through the API, the manage page and a second subscribe request.</summary>
[Collection(SubscriptionsCollection.Name)]
public sealed class FollowSubscriptionTests(SubscriptionsFixture app)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task TheApiFollowsACaseStudyAloneAndAPutThatLeavesAKindOutKeepsIt()
    {
        var (slug, twelve, _) = await IngestAsync();
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("apifollow");
        using (var subscribed = await reader.PostJsonAsync(new { email, caseStudies = new[] { twelve.Key }, frequency = "daily" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        }

        var confirmation = Assert.Single(await reader.WaitForMailAsync(email));
        Assert.Contains($"- Case study: {twelve.Title}", confirmation.Text);
        var manage = ManageToken(await reader.ConfirmAsync(confirmation.Link(Confirm)));

        var me = await GetMeAsync(reader, manage);
        Assert.Equal([twelve.Key], Strings(me, "caseStudies"));
        Assert.Empty(Strings(me, "themes"));
        Assert.Empty(Strings(me, "briefings"));

        using (var kept = await reader.Http.PutAsJsonAsync($"{Me}?token={manage}", new { frequency = "weekly" }))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
            var view = await kept.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([twelve.Key], Strings(view, "caseStudies"));
            Assert.Equal("weekly", view.GetProperty("frequency").GetString());
        }

        using (var nothing = await reader.Http.PutAsJsonAsync($"{Me}?token={manage}", new { caseStudies = Array.Empty<string>(), frequency = "daily" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
            Assert.True((await nothing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("themes", out _));
        }

        using (var swapped = await reader.Http.PutAsJsonAsync($"{Me}?token={manage}", new { briefings = new[] { slug }, caseStudies = Array.Empty<string>(), frequency = "daily" }))
        {
            Assert.Equal(HttpStatusCode.OK, swapped.StatusCode);
        }

        me = await GetMeAsync(reader, manage);
        Assert.Equal([slug], Strings(me, "briefings"));
        Assert.Empty(Strings(me, "caseStudies"));
        Assert.Equal("daily", me.GetProperty("frequency").GetString());

        // An access request shows the follows as stored.
        var export = SubscriberData.Format(await app.GetRequiredService<SubscriberData>().ExportAsync(email));
        Assert.Contains($"\"Briefings\": \"{slug}\"", export);
        Assert.Contains("\"CaseStudies\": \"\"", export);
    }

    [Fact]
    public async Task UnknownBriefingsAndCaseStudiesAreA400NamingTheFieldAndNothingIsSent()
    {
        var (_, twelve, _) = await IngestAsync();
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("unknownfollow");

        using var response = await reader.PostJsonAsync(new { email, themes = new[] { Themes.Drugs }, briefings = new[] { "no-such-briefing" }, caseStudies = new[] { twelve.Key, "no-such-case-study" }, frequency = "daily" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["briefings", "caseStudies"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("item 2 of the list", errors.GetProperty("caseStudies")[0].GetString());
        await Task.Delay(Pcc.Testing.MailDev.Settle);
        Assert.Empty(await reader.MailToAsync(email));
        Assert.Null(await reader.StoredAsync(email));
    }

    [Fact]
    public async Task TheManagePageListsFollowedItemsByTitleAndUntickingOneStopsFollowingIt()
    {
        var (slug, twelve, _) = await IngestAsync();
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("managefollow");
        using (await reader.PostJsonAsync(new { email, themes = new[] { Themes.Drugs }, briefings = new[] { slug }, caseStudies = new[] { twelve.Key }, frequency = "daily" }))
        {
        }

        var manage = ManageToken(await reader.ConfirmAsync(Assert.Single(await reader.WaitForMailAsync(email)).Link(Confirm)));

        var page = new HtmlParser().ParseDocument(await GetPageAsync(reader, $"{Me}?token={manage}"));
        var caseStudy = page.QuerySelector($"input[name=caseStudies][value='{twelve.Key}']")!;
        Assert.True(caseStudy.HasAttribute("checked"));
        Assert.Contains(twelve.Title, caseStudy.ParentElement!.TextContent);
        Assert.Equal("Case studies you follow", caseStudy.Closest("fieldset")!.QuerySelector("legend")!.TextContent);
        var briefing = page.QuerySelector($"input[name=briefings][value='{slug}']")!;
        Assert.True(briefing.HasAttribute("checked"));
        Assert.Contains("Public Safety, Public Trust", briefing.ParentElement!.TextContent);

        using var saved = await reader.Http.PostAsync($"{Me}?token={manage}",
            new FormUrlEncodedContent([new("themes", Themes.Drugs), new("briefings", slug), new("frequency", "daily")]));
        var after = await saved.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Saved.", after);
        Assert.DoesNotContain(twelve.Key, after);
        var me = await GetMeAsync(reader, manage);
        Assert.Empty(Strings(me, "caseStudies"));
        Assert.Equal([slug], Strings(me, "briefings"));
    }

    [Fact]
    public async Task SubscribingAgainAddsToWhatIsFollowedThroughTheLinkSentToTheInbox()
    {
        var (_, twelve, thirteen) = await IngestAsync();
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("again");

        // While pending: each confirmation link adds what its email named.
        using (await reader.PostJsonAsync(new { email, themes = new[] { Themes.Drugs }, frequency = "daily" }))
        {
        }

        var themeLink = Assert.Single(await reader.WaitForMailAsync(email)).Link(Confirm);
        using (await reader.PostJsonAsync(new { email, caseStudies = new[] { twelve.Key }, frequency = "daily" }))
        {
        }

        var caseStudyLink = (await reader.WaitForMailAsync(email, 2))[^1].Link(Confirm);
        await reader.ConfirmAsync(caseStudyLink);
        Assert.Contains("Confirm your subscription", await reader.GetStringAsync(themeLink));
        var manage = ManageToken(await reader.ConfirmAsync(themeLink));
        var me = await GetMeAsync(reader, manage);
        Assert.Equal([Themes.Drugs], Strings(me, "themes"));
        Assert.Equal([twelve.Key], Strings(me, "caseStudies"));

        // Once active: a request changes nothing, and its email's link opens the manage page with the new case study ticked.
        using (await reader.PostJsonAsync(new { email, caseStudies = new[] { thirteen.Key }, frequency = "weekly" }))
        {
        }

        var reminder = (await reader.WaitForMailAsync(email, 3))[^1];
        Assert.Contains($"- Case study: {thirteen.Title}", reminder.Text);
        Assert.Equal([twelve.Key], Strings(await GetMeAsync(reader, manage), "caseStudies"));
        var link = reminder.Link(Me);
        Assert.Matches($@"\?addCaseStudy={thirteen.Key}&token=[A-Za-z0-9_\-]+$", link.AbsoluteUri);
        var page = new HtmlParser().ParseDocument(await GetPageAsync(reader, link.PathAndQuery.TrimStart('/')));
        Assert.Contains("Not saved yet.", page.QuerySelector("[role=status]")!.TextContent);
        Assert.True(page.QuerySelector($"input[name=caseStudies][value='{thirteen.Key}']")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector($"input[name=caseStudies][value='{twelve.Key}']")!.HasAttribute("checked"));

        using var saved = await reader.Http.PostAsync(link, new FormUrlEncodedContent(
            [new("themes", Themes.Drugs), new("caseStudies", twelve.Key), new("caseStudies", thirteen.Key), new("frequency", "daily")]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        me = await GetMeAsync(reader, manage);
        Assert.Equal([twelve.Key, thirteen.Key], Strings(me, "caseStudies"));
        Assert.Equal("daily", me.GetProperty("frequency").GetString());
    }

    [Fact]
    public async Task WhatAnEditorTookOutOfTheCatalogueIsShownAsGoneAndDoesNotStopTheRestBeingSaved()
    {
        var (slug, _, _) = await IngestAsync();
        var solo = AppFixture.UniqueBriefingName("solo.md");
        var marker = "solo" + Guid.NewGuid().ToString("N")[..8].Replace('0', 'q').Replace('1', 'r');
        var ingested = await app.IngestAsync(solo, System.Text.Encoding.UTF8.GetBytes(
            $"# Solo {marker}\n\n## Supporting victims of crime\n\nCase study 1: The PCC in Suffolk funded {marker} volunteers who phone victims of fraud within a day of the report.\n"), version: 1);
        var only = ingested.GetProperty("versions")[0].GetProperty("changes")[0].GetProperty("key").GetString()!;
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("gonefollow");
        using (await reader.PostJsonAsync(new { email, themes = new[] { Themes.Drugs }, briefings = new[] { slug }, caseStudies = new[] { only }, frequency = "daily" }))
        {
        }

        var manage = ManageToken(await reader.ConfirmAsync(Assert.Single(await reader.WaitForMailAsync(email)).Link(Confirm)));
        foreach (var removed in new[] { slug, AppFixture.SlugOf(solo) })
        {
            using var deleted = await app.Http.DeleteAsync($"api/briefings/{removed}");
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        // The page still lists both, ticked, each saying it is gone.
        var page = new HtmlParser().ParseDocument(await GetPageAsync(reader, $"{Me}?token={manage}"));
        foreach (var box in new[] { page.QuerySelector($"input[name=briefings][value='{slug}']")!, page.QuerySelector($"input[name=caseStudies][value='{only}']")! })
        {
            Assert.True(box.HasAttribute("checked"));
            Assert.Contains("No longer in the catalogue", box.ParentElement!.TextContent);
        }

        // Saving the form as shown, with another frequency, saves it: keeping a follow asks for nothing new.
        using (var saved = await reader.Http.PostAsync($"{Me}?token={manage}", new FormUrlEncodedContent(
            [new("themes", Themes.Drugs), new("briefings", slug), new("caseStudies", only), new("frequency", "weekly")])))
        {
            Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync());
        }

        var me = await GetMeAsync(reader, manage);
        Assert.Equal("weekly", me.GetProperty("frequency").GetString());
        Assert.Equal([slug], Strings(me, "briefings"));
        Assert.Equal([only], Strings(me, "caseStudies"));

        // A script may keep them too, but not add what the catalogue does not hold.
        using (var kept = await reader.Http.PutAsJsonAsync($"{Me}?token={manage}", new { briefings = new[] { slug }, frequency = "daily" }))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }

        using (var added = await reader.Http.PutAsJsonAsync($"{Me}?token={manage}", new { briefings = new[] { slug, "never-a-briefing" }, frequency = "daily" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
            Assert.Contains("item 2 of the list", (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("briefings")[0].GetString());
        }

        // Unticking them stops following them.
        using (var unticked = await reader.Http.PostAsync($"{Me}?token={manage}", new FormUrlEncodedContent([new("themes", Themes.Drugs), new("frequency", "daily")])))
        {
            Assert.Contains("Saved.", await unticked.Content.ReadAsStringAsync());
        }

        me = await GetMeAsync(reader, manage);
        Assert.Empty(Strings(me, "briefings"));
        Assert.Empty(Strings(me, "caseStudies"));
    }

    [Fact]
    public async Task ErasingAnAddressBlanksWhatItFollowedInThePlannedDigestBatches()
    {
        var email = MailDevFixture.UniqueAddress("erasefollow");
        var store = app.GetRequiredService<Pcc.Catalogue.Storage.PccStore>();
        await store.DigestBatches.CreateIfNotExistsAsync();
        var blob = store.DigestBatches.GetBlobClient($"daily-follow/{Guid.NewGuid():N}.json");
        static JsonObject Recipient(string address) => new()
        {
            ["subscriberId"] = "id-" + address, ["email"] = address, ["manageUrl"] = "m", ["unsubscribeUrl"] = "u",
            ["themes"] = new JsonArray(Themes.Drugs), ["briefings"] = new JsonArray("a-briefing"), ["caseStudies"] = new JsonArray("a-case-study"),
        };
        await blob.UploadAsync(new BinaryData(new JsonObject { ["recipients"] = new JsonArray(Recipient(email), Recipient("someone-else@example.org")) }.ToJsonString()));

        await app.GetRequiredService<SubscriberData>().EraseAsync(email);

        var recipients = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!["recipients"]!.AsArray();
        Assert.Equal(["", "someone-else@example.org"], recipients.Select(r => (string?)r!["email"]));
        Assert.All(new[] { "themes", "briefings", "caseStudies" }, field => Assert.Empty(recipients[0]![field]!.AsArray()));
        Assert.Equal("a-case-study", (string?)recipients[1]!["caseStudies"]![0]);
    }

    private async Task<(string Slug, CaseStudyRef Twelve, CaseStudyRef Thirteen)> IngestAsync()
    {
        var name = AppFixture.UniqueBriefingName();
        var json = await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var changes = json.GetProperty("versions")[0].GetProperty("changes").EnumerateArray().ToList();
        CaseStudyRef Numbered(int n) => changes.Where(c => c.GetProperty("number").ValueKind == JsonValueKind.Number && c.GetProperty("number").GetInt32() == n)
            .Select(c => new CaseStudyRef(c.GetProperty("key").GetString()!, c.GetProperty("title").GetString()!)).Single();
        return (AppFixture.SlugOf(name), Numbered(12), Numbered(13));
    }

    private static async Task<JsonElement> GetMeAsync(ReaderClient reader, string manage) =>
        await reader.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={manage}");

    private static async Task<string> GetPageAsync(ReaderClient reader, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        using var response = await reader.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    private static List<string?> Strings(JsonElement json, string property) => [.. json.GetProperty(property).EnumerateArray().Select(e => e.GetString())];

    private sealed record CaseStudyRef(string Key, string Title);
}
