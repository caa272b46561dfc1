using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.Playwright;
using Pcc.Pages.Tests.Support;
using Pcc.Testing.App;
using static Microsoft.Playwright.Assertions;

namespace Pcc.Pages.Tests;

[Collection(SiteCollection.Name)]
public sealed class ReaderPagesTests(AppFixture site, Chromium chromium)
{
    [Fact]
    public async Task SearchFindsACaseStudyByTwoWordsAndALaterVersionShowsOnItsPageAndInItsThemesFeed()
    {
        var name = AppFixture.UniqueBriefingName();
        await site.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        await site.IngestAsync(name, SeedBriefing.FigureChanged, version: 2);
        var page = await PageChecks.NewPageAsync(chromium.Browser);

        await page.GotoAsync(site.Url("/").AbsoluteUri);
        await page.GetByLabel("Search case studies").FillAsync("strathclyde HOMICIDES");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("1 case study found");
        await Expect(page.Locator("main mark").First).ToHaveTextAsync("Strathclyde");
        await PageChecks.CheckAsync(page, "search-results");

        await page.Locator("main h3 a").ClickAsync();
        await Expect(page.GetByText("seen homicides fall 41 per cent")).ToBeVisibleAsync();
        await Expect(page.Locator("main ins")).ToContainTextAsync("41");
        await Expect(page.Locator("main del")).ToContainTextAsync("39");
        var changedIn = page.GetByRole(AriaRole.Heading, new() { Name = "Changed in Public Safety, Public Trust version 2" });
        await Expect(changedIn).ToBeVisibleAsync();
        await Expect(changedIn.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/briefings/{AppFixture.SlugOf(name)}");
        await PageChecks.CheckAsync(page, "case-study-changed");
        var caseStudyUrl = page.Url;

        var feedHref = await page.Locator("link[rel=alternate][type='application/atom+xml']").First.GetAttributeAsync("href");
        Assert.StartsWith("/feeds/themes/", feedHref);
        var feed = await ReadFeedAsync(site, feedHref!);
        var entry = feed.Items.First();
        Assert.StartsWith("Changed: ", entry.Title.Text);
        Assert.Equal(caseStudyUrl, entry.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Contains("<ins>", ((TextSyndicationContent)entry.Summary).Text);
    }

    [Fact]
    public async Task EveryReaderPageReadsWellOnAPhoneWithoutSeriousAccessibilityProblems()
    {
        var name = AppFixture.UniqueBriefingName();
        await site.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        await site.RunAsync("SendWeeklySummary");
        var page = await PageChecks.NewPageAsync(chromium.Browser, phone: true);

        await page.GotoAsync(site.Url("/").AbsoluteUri);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Latest changes" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reducing the harm caused by drugs" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reducing the harm caused by drugs");
        await PageChecks.CheckAsync(page, "theme");

        await page.Locator("main h2 a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "case-study");

        await page.GetByRole(AriaRole.Link, new() { Name = "Briefings" }).ClickAsync();
        await PageChecks.CheckAsync(page, "briefings");
        await page.Locator($"main td a[href='/briefings/{AppFixture.SlugOf(name)}']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Versions" })).ToBeVisibleAsync();
        await Expect(page.Locator("main ul li a")).ToHaveCountAsync(20);
        await PageChecks.CheckAsync(page, "briefing");

        await page.GetByRole(AriaRole.Link, new() { Name = "Weekly summaries" }).ClickAsync();
        await PageChecks.CheckAsync(page, "summaries");
        await page.Locator("main ul li a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Week ");
        await PageChecks.CheckAsync(page, "summary");

        await page.GotoAsync(site.Url("/search?q=&changed-since=yesterday").AbsoluteUri);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("2026-11-23");
        await PageChecks.CheckAsync(page, "search-error");

        await page.GotoAsync(site.Url("/search?q=naloxone&theme=drug-harm").AbsoluteUri);
        await PageChecks.CheckAsync(page, "search-theme");

        var missing = await page.GotoAsync(site.Url("/case-studies/no-such-case-study").AbsoluteUri);
        Assert.Equal(404, missing!.Status);
        await PageChecks.CheckAsync(page, "not-found");
    }

    [Fact]
    public async Task ACaseStudysRelatedCaseStudiesNameTheirBriefingAndWhatTheyShareAndOpenTheirPages()
    {
        var name = AppFixture.UniqueBriefingName();
        await site.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var page = await PageChecks.NewPageAsync(chromium.Browser, phone: true);

        await page.GotoAsync(site.Url("/search?q=naloxone").AbsoluteUri);
        await page.Locator("main h3 a").First.ClickAsync();
        // The lists are recomputed as the ingest completes, just after its version is published.
        var related = page.GetByRole(AriaRole.Region, new() { Name = "Related case studies" });
        await Eventually.Async(
            async () =>
            {
                if (await related.CountAsync() > 0)
                {
                    return true;
                }

                await page.ReloadAsync();
                return false;
            },
            found => found,
            "the related case studies");
        var first = related.GetByRole(AriaRole.Listitem).First;
        await Expect(first).ToContainTextAsync("In Public Safety, Public Trust · shared: ");
        await PageChecks.CheckAsync(page, "case-study-related");

        var title = await first.GetByRole(AriaRole.Link).First.TextContentAsync();
        await first.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title!);
    }

    private static async Task<SyndicationFeed> ReadFeedAsync(AppFixture site, string path)
    {
        using var response = await site.Http.GetAsync(path.TrimStart('/'));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }
}
