using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Pcc.Briefings.Comparison;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Search;
using Pcc.Catalogue.Storage;
using Pcc.Functions.Pages;
using Pcc.Functions.Pages.Editor;
using Pcc.Functions.Pages.Readers;
using Pcc.Functions.Pages.Subscribers;

namespace Pcc.Functions.Tests.Pages;

public sealed class PageRenderingTests
{
    private const string Hostile = "<script>alert('x')</script> & \"quotes\"";
    private static readonly DateTimeOffset s_at = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    private static async Task<IHtmlDocument> ParseAsync(WebPage page) => new HtmlParser().ParseDocument(await page.RenderAsync());

    private static CaseStudyView CaseStudy(string title, string text) =>
        new("key-1", 3, "drug-harm", "Reducing the harm caused by drugs", title, text, "page 2", "my-briefing", ["my-briefing"], s_at, s_at, "My briefing", []);

    [Fact]
    public async Task DocumentTextIsShownAsTextNeverAsMarkup()
    {
        var detail = new CaseStudyDetail("key-1", CaseStudy(Hostile, Hostile), false,
            [new CaseStudyHistoryView("changed", "my-briefing", 2, s_at, 3, "drug-harm", Hostile, Hostile, TextDiff.Parse("kept [-<b>old</b>-]{+<i>new</i>+} kept"), "My briefing", ChangeGrade.Substantive, null)]);

        var document = await ParseAsync(CaseStudyPage.Render(detail, ThemeTaxonomy.Default));

        Assert.Empty(document.Scripts);
        Assert.Empty(document.QuerySelectorAll("main b, main i"));
        Assert.Equal(Hostile, document.QuerySelector("h1")!.TextContent);
        Assert.Equal("<b>old</b>", document.QuerySelector("del")!.TextContent.Replace("[removed: ", "").TrimEnd(']'));
        Assert.Equal("<i>new</i>", document.QuerySelector("ins")!.TextContent.Replace("[added: ", "").TrimEnd(']'));
    }

    [Fact]
    public async Task EveryPageHasATitleADescriptionHeadingsInOrderAndTheFeed()
    {
        var taxonomy = ThemeTaxonomy.Default;
        var theme = taxonomy.Themes[0];
        WebPage[] pages =
        [
            HomePage.Render([new ThemeView(theme.Slug, theme.Name, [], 4)], [], taxonomy),
            ThemePage.Render(theme, [CaseStudy("One", "Text one.")]),
            SearchPage.Render(new SearchIndex([CaseStudy("Naloxone kits", "Officers carry naloxone.")]).Search(new SearchQuery("naloxone")), taxonomy, null),
            SubscribePage.Form(taxonomy, SubscribeForm.Empty),
        ];

        foreach (var document in await Task.WhenAll(pages.Select(ParseAsync)))
        {
            Assert.EndsWith(PageLayout.SiteName, document.Title);
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")));
            Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
            Assert.Single(document.QuerySelectorAll("h1"));
            var levels = document.QuerySelectorAll("h1,h2,h3,h4").Select(h => h.LocalName[1] - '0').ToList();
            Assert.True(levels.Zip(levels.Skip(1)).All(p => p.Second <= p.First + 1), $"Headings skip a level in {document.Title}: {string.Join(",", levels)}");
            Assert.Contains(document.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("type") == "application/atom+xml");
        }
    }

    [Fact]
    public async Task EveryFieldOfTheSubscribeFormHasALabel()
    {
        var document = await ParseAsync(SubscribePage.Form(ThemeTaxonomy.Default, SubscribeForm.Empty, new Dictionary<string, string> { ["email"] = "Enter an email address." }));

        var inputs = document.QuerySelectorAll("input, select").ToList();
        Assert.Equal(1 + ThemeTaxonomy.Default.Themes.Count(t => t.Listed) + 3 + 1, inputs.Count); // address, themes, frequencies, minor corrections
        Assert.All(inputs, i => Assert.NotNull(document.QuerySelector($"label[for='{i.Id}']")));
        Assert.Equal("Enter an email address.", document.QuerySelector("[role=alert] li")!.TextContent);
        Assert.Equal("true", document.QuerySelector("#email")!.GetAttribute("aria-invalid"));
        Assert.All(ThemeTaxonomy.Default.Themes, t => Assert.Contains(t.Description, document.Body!.TextContent));
    }

    [Fact]
    public async Task SearchResultsMarkTheMatchingWords()
    {
        var results = new SearchIndex([CaseStudy("Naloxone kits", "Officers carry <naloxone> in Durham.")]).Search(new SearchQuery("naloxone durham"));

        var document = await ParseAsync(SearchPage.Render(results, ThemeTaxonomy.Default, null));

        Assert.Equal(["Naloxone", "naloxone", "Durham"], document.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Contains("1 case study found", document.QuerySelector("h2")!.TextContent);
        Assert.Equal("naloxone durham", ((IHtmlInputElement)document.QuerySelector("#q")!).Value);
    }

    [Theory]
    [InlineData(IngestStatus.Completed, "Ingested")]
    [InlineData(IngestStatus.Held, "Held for review")]
    [InlineData(IngestStatus.Abandoned, "Abandoned")]
    [InlineData(IngestStatus.Pending, "Being read")]
    public async Task TheEditorPageNamesEachIngestsOutcome(string status, string shown)
    {
        var ingest = new IngestionEntity { PartitionKey = "my-briefing", RowKey = "0x1", Status = status, BlobName = "my-briefing.docx", Version = 2, IngestedAt = s_at };

        var outcome = (await ParseAsync(EditorPage.Render([ingest]))).QuerySelector("tbody td:last-child")!.TextContent;

        Assert.StartsWith(shown, outcome);
    }
}
