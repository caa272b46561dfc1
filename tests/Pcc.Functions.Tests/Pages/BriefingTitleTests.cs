using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Pcc.Functions.Pages.Editor;
using Pcc.Functions.Tests.Ingestion;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Pages;

/// <summary>
/// What readers and editors see of a briefing, through the worker: its title wherever it is named, its slug only in
/// addresses.
/// </summary>
[Collection(IngestionCollection.Name)]
public sealed partial class BriefingTitleTests(AppFixture app)
{
    private const string Title = "Public Safety, Public Trust";
    private const string WriteUpTitle = "Innovative ideas for Police and Crime Commissioners";

    /// <summary>A case study only this test's first version has, so its second version removes it from the catalogue.</summary>
    private const string Dropped =
        "Case study 3: The PCC in Northumbria paid for a late-night minibus, driven by trained volunteers, that takes people who are stranded after the last trains home safely.";

    [Fact]
    public async Task PagesFeedsAndTheApiNameABriefingByItsTitleAndKeepItsSlugInAddresses()
    {
        var (name, writeUp) = (AppFixture.UniqueBriefingName(), AppFixture.UniqueBriefingName(SeedBriefing.WriteUpName));
        var (slug, writeUpSlug) = (AppFixture.SlugOf(name), AppFixture.SlugOf(writeUp));
        var start = DateTimeOffset.UtcNow;
        await app.IngestAsync(writeUp, SeedBriefing.WriteUp, version: 1);
        var first = await app.IngestAsync(name, SeedBriefing.Edited(t => SeedBriefing.Later(t).Replace(SeedBriefing.InsertedText, Dropped, StringComparison.Ordinal)), version: 1);
        var briefing = await app.IngestAsync(name, SeedBriefing.Bytes, version: 2);

        // The API: the title beside the slug.
        Assert.Equal(Title, briefing.GetProperty("title").GetString());
        var changes = await app.ChangesOfAsync(slug, start);
        Assert.All(changes, c => Assert.Equal(Title, c.GetProperty("briefingTitle").GetString()));
        var removed = Key(changes.Single(c => c.GetProperty("kind").GetString() == "removed"));
        var changed = changes.Single(c => c.GetProperty("kind").GetString() == "changed");
        var shared = (await app.CaseStudiesOfAsync(writeUpSlug)).First(c => c.GetProperty("briefing").GetString() == slug);
        Assert.Equal(Title, shared.GetProperty("briefingTitle").GetString());
        var detail = await app.GetJsonAsync($"api/case-studies/{Key(shared)}");
        Assert.Equal(Title, detail.GetProperty("current").GetProperty("briefingTitle").GetString());
        Assert.Contains(detail.GetProperty("current").GetProperty("alsoReportedIn").EnumerateArray(),
            b => b.GetProperty("slug").GetString() == writeUpSlug && b.GetProperty("title").GetString() == WriteUpTitle);
        Assert.All(detail.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("briefing").GetString() == slug),
            h => Assert.Equal(Title, h.GetProperty("briefingTitle").GetString()));
        var gone = await app.GetJsonAsync($"api/case-studies/{removed}");
        Assert.True(gone.GetProperty("removed").GetBoolean());
        Assert.Equal(Title, gone.GetProperty("history")[0].GetProperty("briefingTitle").GetString());

        // Pages and feeds: the titles as text, the slugs nowhere but in addresses.
        var theme = changed.GetProperty("themeSlug").GetString();
        var report = EditorPage.ReportPath(slug, first.GetProperty("versions")[0].GetProperty("etag").GetString()!);
        string[] pages =
        [
            "/", $"/themes/{theme}", $"/case-studies/{Key(changed)}", $"/case-studies/{Key(shared)}", $"/case-studies/{removed}",
            "/briefings", $"/briefings/{slug}", "/search?q=homicides+Strathclyde", report, await CurrentWeekAsync(),
        ];
        foreach (var page in pages)
        {
            var text = await PageTextAsync(page);
            Assert.Contains(Title, text);
            Assert.DoesNotContain(slug, text);
            Assert.DoesNotContain(writeUpSlug, text);
        }

        Assert.Contains(WriteUpTitle, await PageTextAsync($"/case-studies/{Key(shared)}"));
        Assert.Contains($"removed from {Title} in version 2", await PageTextAsync($"/case-studies/{removed}"));
        foreach (var feed in new[] { "/feeds/all.atom", $"/feeds/themes/{theme}.atom" })
        {
            var text = await FeedTextAsync(feed);
            Assert.Contains($"briefing {Title} version 2", text);
            Assert.DoesNotContain(slug, text);
        }
    }

    private static string Key(JsonElement caseStudy) => caseStudy.GetProperty("key").GetString()!;

    /// <summary>The text a reader sees of a page (its title and body), without its attributes and so its addresses.</summary>
    private async Task<string> PageTextAsync(string path)
    {
        using var response = await app.Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {html}");
        return new HtmlParser().ParseDocument(html).DocumentElement.TextContent;
    }

    /// <summary>
    /// The text of a feed's elements, an HTML summary as the text it shows; not the ids, which are the entries' addresses
    /// (IRIs), nor the attributes, which hold the links.
    /// </summary>
    private async Task<string> FeedTextAsync(string path)
    {
        var atom = XDocument.Parse(await app.Http.GetStringAsync(path));
        return string.Join('\n', atom.Descendants().Where(e => !e.HasElements && e.Name.LocalName != "id").Select(e =>
            (string?)e.Attribute("type") == "html" ? new HtmlParser().ParseDocument(e.Value).Body!.TextContent : e.Value));
    }

    /// <summary>The page of the week in progress, as the list of summaries links it.</summary>
    private async Task<string> CurrentWeekAsync() =>
        WeekLink().Match(await app.Http.GetStringAsync("/summaries")) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("No link to this week's summary.");

    [GeneratedRegex("<a href=\"(/summaries/[^\"]+)\">This week so far")]
    private static partial Regex WeekLink();
}
