using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Pcc.Testing;
using static Pcc.Functions.Tests.Subscriptions.ReaderClient;

namespace Pcc.Functions.Tests.Subscriptions;

[Collection(SubscriptionsCollection.Name)]
public sealed class ManagePageTests(SubscriptionsFixture app)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task ABrowserSeesTheFollowedThemesTickedAndTheFrequencyChosen()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("page");
        var manage = await reader.SubscribeAndConfirmAsync(email, [Themes.Drugs, Themes.Victims], "weekly");

        using var response = await GetPageAsync(reader, manage);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains(email, page);
        AssertTicked(page, "checkbox", "themes", Themes.Drugs, true);
        AssertTicked(page, "checkbox", "themes", Themes.Victims, true);
        AssertTicked(page, "checkbox", "themes", Themes.Violence, false);
        AssertTicked(page, "radio", "frequency", "weekly", true);
        AssertTicked(page, "radio", "frequency", "daily", false);
        AssertTicked(page, "radio", "frequency", "immediate", false);
        Assert.Contains("<form method=\"post\">", page);
        Assert.DoesNotContain(manage, page);
        Assert.Contains("/api/subscriptions/unsubscribe?token=", page);
    }

    [Fact]
    public async Task PostingTheFormSavesThemesAndFrequency()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("saves");
        var manage = await reader.SubscribeAndConfirmAsync(email, [Themes.Drugs]);

        using var response = await PostFormAsync(reader, manage, [new("themes", Themes.Violence), new("themes", Themes.Victims), new("frequency", "immediate")]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Saved", page);
        AssertTicked(page, "checkbox", "themes", Themes.Violence, true);
        AssertTicked(page, "checkbox", "themes", Themes.Drugs, false);
        AssertTicked(page, "radio", "frequency", "immediate", true);
        var me = await reader.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={manage}");
        Assert.Equal([Themes.Violence, Themes.Victims], me.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("immediate", me.GetProperty("frequency").GetString());
    }

    [Fact]
    public async Task MinorCorrectionsAreOffUntilTickedAndTheFormAlwaysSaysWhichItIs()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("minor");
        var manage = await reader.SubscribeAndConfirmAsync(email, [Themes.Drugs]);
        using (var shown = await GetPageAsync(reader, manage))
        {
            AssertTicked(await shown.Content.ReadAsStringAsync(), "checkbox", "minor", "true", false);
        }

        using (var ticked = await PostFormAsync(reader, manage, [new("themes", Themes.Drugs), new("frequency", "daily"), new("minor", "true")]))
        {
            AssertTicked(await ticked.Content.ReadAsStringAsync(), "checkbox", "minor", "true", true);
        }

        Assert.True((await reader.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={manage}")).GetProperty("includeMinorCorrections").GetBoolean());
        using (var kept = await reader.Http.PutAsJsonAsync($"{Me}?token={manage}", new { themes = new[] { Themes.Victims }, frequency = "weekly" }))
        {
            Assert.True((await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("includeMinorCorrections").GetBoolean());
        }

        using (var unticked = await PostFormAsync(reader, manage, [new("themes", Themes.Drugs), new("frequency", "daily")]))
        {
            AssertTicked(await unticked.Content.ReadAsStringAsync(), "checkbox", "minor", "true", false);
        }

        Assert.False((await reader.Http.GetFromJsonAsync<JsonElement>($"{Me}?token={manage}")).GetProperty("includeMinorCorrections").GetBoolean());
    }

    [Fact]
    public async Task AnUnknownThemeIsListedAsAnErrorAndChangesNothing()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("unknown");
        var manage = await reader.SubscribeAndConfirmAsync(email, [Themes.Drugs], "daily");

        using var response = await PostFormAsync(reader, manage, [new("themes", Themes.Violence), new("themes", "no-such-theme"), new("frequency", "weekly")]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Nothing was changed", page);
        Assert.Contains("Choose themes from the list only.", page);
        Assert.DoesNotContain("Saved", page);
        var stored = await reader.StoredAsync(email);
        Assert.Equal([Themes.Drugs], stored!.Themes);
        Assert.Equal(Pcc.Notifications.Digests.DigestFrequency.Daily, stored.Frequency);
    }

    [Fact]
    public async Task MissingChoicesAreEachListed()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("empty");
        var manage = await reader.SubscribeAndConfirmAsync(email, [Themes.Drugs]);

        using var response = await PostFormAsync(reader, manage, []);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose at least one theme.", page);
        Assert.Contains("Choose how often we email you.", page);
        Assert.Equal([Themes.Drugs], (await reader.StoredAsync(email))!.Themes);
    }

    [Fact]
    public async Task ScriptInThePostedFormNeverComesBackUnescaped()
    {
        const string Script = "<script>alert(1)</script>";
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("script");
        var manage = await reader.SubscribeAndConfirmAsync(email, [Themes.Drugs]);

        using var response = await PostFormAsync(reader, manage, [new("themes", Script), new("themes", Themes.Drugs), new("frequency", Script)]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(1)", page);
    }

    [Fact]
    public async Task ABadTokenGetsTheInvalidLinkPage()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("bad");
        await reader.SubscribeAndConfirmAsync(email, [Themes.Drugs]);
        var unsubscribe = (await reader.UnsubscribeLinkAsync(email)).Query.Split("token=")[1];

        foreach (var token in new[] { "not-a-token", unsubscribe })
        {
            using var get = await GetPageAsync(reader, token);
            using var post = await PostFormAsync(reader, token, [new("themes", Themes.Violence), new("frequency", "weekly")]);
            foreach (var response in new[] { get, post })
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("This link does not work", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal([Themes.Drugs], (await reader.StoredAsync(email))!.Themes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("application/json, text/html")]
    [InlineData("text/html;q=0.5, application/json")]
    public async Task ScriptsStillGetJson(string? accept)
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("json");
        var manage = await reader.SubscribeAndConfirmAsync(email, [Themes.Drugs], "weekly");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Me}?token={manage}");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await reader.Http.SendAsync(request);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal("weekly", me.GetProperty("frequency").GetString());
    }

    private static async Task<HttpResponseMessage> GetPageAsync(ReaderClient reader, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Me}?token={Uri.EscapeDataString(token)}");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        return await reader.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(ReaderClient reader, string token, KeyValuePair<string, string>[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Me}?token={Uri.EscapeDataString(token)}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await reader.Http.SendAsync(request);
    }

    /// <summary>The page has exactly one <paramref name="type"/> input named <paramref name="name"/> with <paramref name="value"/>, ticked or not.</summary>
    private static void AssertTicked(string page, string type, string name, string value, bool ticked)
    {
        var input = Assert.Single(new HtmlParser().ParseDocument(page).QuerySelectorAll($"input[type={type}][name={name}]"), i => i.GetAttribute("value") == value);
        Assert.Equal(ticked, input.HasAttribute("checked"));
    }
}
