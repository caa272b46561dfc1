using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Pcc.Catalogue.Storage;
using Pcc.Functions.Tests.Ingestion;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Pages;

/// <summary>
/// "Related case studies" on a case study's page and as <c>related</c> in the API, through the worker: computed by the
/// ingests of the seeds, each one a current case study's page, never the page's own case study and never one twice —
/// the write-up's two restated case studies included.
/// </summary>
[Collection(IngestionCollection.Name)]
public sealed class RelatedCaseStudiesTests(AppFixture app)
{
    private const string Title = "Public Safety, Public Trust";

    [Fact]
    public async Task EverySeedCaseStudyPageListsThreeToFiveOthersThatOpenNeverItselfNeverOneTwice()
    {
        var (briefing, writeUp) = await IngestSeedsAsync();
        var seeds = await app.CaseStudiesOfAsync(briefing);
        var restated = (await app.CaseStudiesOfAsync(writeUp)).Select(Key).ToList();
        Assert.Equal(20, seeds.Count);
        Assert.Equal(2, restated.Count);
        var ours = seeds.Select(Key).ToHashSet();

        foreach (var key in ours)
        {
            var related = await RecomputedAsync(key, briefing, ours);

            Assert.InRange(related.Count, 3, 5);
            Assert.DoesNotContain(key, related.Select(r => r.Key));
            Assert.Equal(related.Count, related.Select(r => r.Key).Distinct().Count());
            foreach (var r in related)
            {
                Assert.Equal(r.Title, await HeadingOfAsync(r.Href));
                Assert.False(string.IsNullOrWhiteSpace(r.BriefingTitle));
                Assert.Contains(" · shared: ", r.Meta);
            }

            Assert.All(related.Where(r => ours.Contains(r.Key)), r => Assert.Equal(Title, r.BriefingTitle));
        }

        // The write-up's two case studies are the briefing's 1 and 2: one entry each, as on every other page.
        Assert.All(restated, key => Assert.Contains(key, ours));
    }

    [Fact]
    public async Task TheApiGivesEachCaseStudyTheRelatedListItsPageShows()
    {
        var (briefing, writeUp) = await IngestSeedsAsync();
        var ours = (await app.CaseStudiesOfAsync(briefing)).Select(Key).ToHashSet();

        foreach (var key in (await app.CaseStudiesOfAsync(writeUp)).Select(Key))
        {
            var detail = await Eventually.Async(
                () => app.GetJsonAsync($"api/case-studies/{key}"),
                d => d.GetProperty("related").EnumerateArray().Any() && d.GetProperty("related").EnumerateArray()
                    .Where(r => ours.Contains(Key(r))).All(r => r.GetProperty("briefing").GetProperty("slug").GetString() == briefing),
                $"the related case studies of {key} in the API");

            var related = detail.GetProperty("related").EnumerateArray().ToList();
            Assert.InRange(related.Count, 3, 5);
            Assert.DoesNotContain(key, related.Select(Key));
            Assert.Equal(related.Count, related.Select(Key).Distinct().Count());
            Assert.All(related, r =>
            {
                Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("title").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("briefing").GetProperty("title").GetString()));
                Assert.All(r.GetProperty("sharedTerms").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetString())));
                Assert.NotEmpty(r.GetProperty("sharedTerms").EnumerateArray());
            });
            Assert.Equal(related.Select(Key), (await RelatedOnPageAsync(key)).Select(r => r.Key));
        }
    }

    [Fact]
    public async Task APageWithoutStoredListsShowsNoSectionUntilTheOperatorsRefreshFillsIt()
    {
        var (briefing, _) = await IngestSeedsAsync();
        var ours = (await app.CaseStudiesOfAsync(briefing)).Select(Key).ToHashSet();
        var key = ours.Order(StringComparer.Ordinal).First();
        await RecomputedAsync(key, briefing, ours);

        // As on a deployment that ingested its catalogue before the lists existed.
        await app.GetRequiredService<PccStore>().RelatedCaseStudies.DeleteEntityAsync(RelatedCaseStudiesEntity.Partition, key);
        var page = await PageAsync($"/case-studies/{key}");
        Assert.Null(page.QuerySelector("#related"));
        Assert.Empty((await app.GetJsonAsync($"api/case-studies/{key}")).GetProperty("related").EnumerateArray());

        using var keyless = new HttpClient { BaseAddress = app.Host.FrontDoorAddress };
        using var refused = await keyless.PostAsync("api/related-case-studies/refresh", null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null((await PageAsync($"/case-studies/{key}")).QuerySelector("#related"));

        using var refreshed = await app.Http.PostAsync("api/related-case-studies/refresh", null);
        var outcome = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(1, outcome.GetProperty("rowsChanged").GetInt32());
        Assert.InRange((await RelatedOnPageAsync(key)).Count, 3, 5);
    }

    private async Task<(string Briefing, string WriteUp)> IngestSeedsAsync()
    {
        var (name, writeUp) = (AppFixture.UniqueBriefingName(), AppFixture.UniqueBriefingName(SeedBriefing.WriteUpName));
        await app.IngestAsync(writeUp, SeedBriefing.WriteUp, version: 1);
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        return (AppFixture.SlugOf(name), AppFixture.SlugOf(writeUp));
    }

    /// <summary>
    /// The related case studies on <paramref name="key"/>'s page once the lists were recomputed by this test's ingest,
    /// which does so as it completes, just after publishing its version: every seed case study listed is then named
    /// with this test's briefing, the last to number it.
    /// </summary>
    private Task<IReadOnlyList<Related>> RecomputedAsync(string key, string briefing, IReadOnlySet<string> ours) =>
        Eventually.Async(
            () => RelatedOnPageAsync(key),
            list => list.Count > 0 && list.Where(r => ours.Contains(r.Key)).All(r => r.BriefingHref == $"/briefings/{briefing}"),
            $"the related case studies of {key} as this test's ingest computed them");

    private async Task<IReadOnlyList<Related>> RelatedOnPageAsync(string key) =>
        [.. (await PageAsync($"/case-studies/{key}")).QuerySelectorAll("section[aria-labelledby=related] li").Select(li =>
        {
            var links = li.QuerySelectorAll("a").ToList();
            var href = links[0].GetAttribute("href")!;
            return new Related(href["/case-studies/".Length..], href, links[0].TextContent, links[1].GetAttribute("href")!, links[1].TextContent, li.QuerySelector(".meta")!.TextContent);
        })];

    private async Task<string> HeadingOfAsync(string path) => (await PageAsync(path)).QuerySelector("h1")!.TextContent;

    private async Task<IHtmlDocument> PageAsync(string path)
    {
        using var response = await app.Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {html}");
        return new HtmlParser().ParseDocument(html);
    }

    private static string Key(JsonElement caseStudy) => caseStudy.GetProperty("key").GetString()!;

    private sealed record Related(string Key, string Href, string Title, string BriefingHref, string BriefingTitle, string Meta);
}
