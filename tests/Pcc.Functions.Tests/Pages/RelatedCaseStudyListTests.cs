using AngleSharp.Html.Parser;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Reading.Models;
using Pcc.Functions.Pages.Readers;

namespace Pcc.Functions.Tests.Pages;

/// <summary>The "Related case studies" section as the case-study page renders it.</summary>
public sealed class RelatedCaseStudyListTests
{
    private const string Hostile = "<script>alert('x')</script> & \"quotes\"";
    private static readonly DateTimeOffset s_at = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task EachRelatedCaseStudyLinksToItsPageNamesItsBriefingAndTheSharedWordsAsText()
    {
        var detail = Detail([new RelatedCaseStudyView("other-key", Hostile, new BriefingName("write-up", Hostile), ["drones", Hostile])]);

        var document = new HtmlParser().ParseDocument(await CaseStudyPage.Render(detail, ThemeTaxonomy.Default).RenderAsync());

        Assert.Empty(document.Scripts);
        var item = Assert.Single(document.QuerySelectorAll("section[aria-labelledby=related] li"));
        Assert.Equal("Related case studies", document.QuerySelector("#related")!.TextContent);
        Assert.Equal([("/case-studies/other-key", Hostile), ("/briefings/write-up", Hostile)], item.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)));
        Assert.Equal($"In {Hostile} · shared: drones, {Hostile}", item.QuerySelector(".meta")!.TextContent);
    }

    [Fact]
    public async Task APageWithNoRelatedCaseStudiesHasNoSection()
    {
        var document = new HtmlParser().ParseDocument(await CaseStudyPage.Render(Detail([]), ThemeTaxonomy.Default).RenderAsync());

        Assert.Null(document.QuerySelector("#related"));
        Assert.DoesNotContain("Related case studies", document.Body!.TextContent);
    }

    private static CaseStudyDetail Detail(IReadOnlyList<RelatedCaseStudyView> related) =>
        new("key-1", new CaseStudyView("key-1", 3, "drug-harm", "Reducing the harm caused by drugs", "Naloxone kits", "Officers carry naloxone.", "line 4", "my-briefing", ["my-briefing"], s_at, s_at, "My briefing", []), false,
            [new CaseStudyHistoryView("new", "my-briefing", 1, s_at, 3, "drug-harm", "Naloxone kits", "Officers carry naloxone.", null, "My briefing", Pcc.Briefings.Comparison.ChangeGrade.Substantive, null)])
        {
            Related = related,
        };
}
