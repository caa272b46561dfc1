using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Pcc.Catalogue.Summaries;
using Pcc.Notifications.Digests.Weekly;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Summaries;

/// <summary>The weekly summary through the worker: its timer run, the summaries API and the editors' email in MailDev.</summary>
public sealed class WeeklySummaryTests(SummaryApp app) : IClassFixture<SummaryApp>
{
    [Fact]
    public async Task TheSummaryOfLastWeekIsStoredServedAndEmailedToTheEditorsOnce()
    {
        var (year, number) = WeeklySummaryService.WeekBefore(DateTimeOffset.UtcNow);
        var week = $"{year:D4}-W{number:D2}";

        await app.RunAsync("SendWeeklySummary");

        var summaries = app.Host.Storage.GetBlobContainerClient(app.Host.Options.Settings["Storage:SummariesContainer"]!);
        Assert.True((await summaries.GetBlobClient(week + ".json").ExistsAsync()).Value);
        Assert.True((await summaries.GetBlobClient(week + ".html").ExistsAsync()).Value);
        var json = await app.GetJsonAsync($"api/summaries/{week}");
        Assert.Equal(number, json.GetProperty("week").GetInt32());
        using (var html = await app.Http.GetAsync($"api/summaries/{week}?format=html"))
        {
            Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"Week {number} of {year}", await html.Content.ReadAsStringAsync());
        }

        var email = await app.MailDev.WaitForAsync(app.Editor);
        Assert.StartsWith($"Week {number} of {year}", email.Subject);

        await app.RunAsync("SendWeeklySummary");
        Assert.Single(await app.MailDev.ListToSettledAsync(app.Editor));
    }

    [Fact]
    public async Task TheWeekSoFarShowsWhatWasIngestedTodayMarkedInProgress()
    {
        var (year, number) = WeeklySummary.WeekOf(DateTimeOffset.UtcNow);
        var week = $"{year:D4}-W{number:D2}";
        var name = AppFixture.UniqueBriefingName();
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);

        var list = new HtmlParser().ParseDocument(await app.Http.GetStringAsync("summaries"));
        var link = Assert.Single(list.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/summaries/{week}");
        Assert.Contains("in progress", link.TextContent);
        var page = new HtmlParser().ParseDocument(await app.Http.GetStringAsync($"summaries/{week}"));

        Assert.Equal($"Week {week} so far", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("In progress", page.QuerySelector("[role=status]")?.TextContent);
        Assert.Contains(page.QuerySelectorAll("main li a"), a => a.GetAttribute("href") == $"/briefings/{AppFixture.SlugOf(name)}");
        Assert.Contains("20 new case studies", page.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("2026-47", HttpStatusCode.BadRequest)]
    [InlineData("2026-W54", HttpStatusCode.BadRequest)]
    [InlineData("2001-W05", HttpStatusCode.NotFound)]
    public async Task AnInvalidOrUnknownWeekIsAProblem(string week, HttpStatusCode expected)
    {
        using var response = await app.Http.GetAsync($"api/summaries/{week}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }
}
