using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Search;

namespace Pcc.Catalogue.Tests.Search;

public sealed class SearchIndexTests
{
    private static readonly DateTimeOffset s_day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static CaseStudyView CaseStudy(string key, string title, string text, string theme = "drug-harm", int daysAgo = 0) =>
        new(key, 1, theme, theme, title, text, null, "briefing", ["briefing"], s_day.AddDays(-30), s_day.AddDays(-daysAgo));

    private static readonly SearchIndex s_index = new(
    [
        CaseStudy("a", "Naloxone in custody suites", "Officers in Durham carry naloxone to reverse opioid overdoses.", daysAgo: 5),
        CaseStudy("b", "Café for veterans", "A café run by veterans in Gwent offers mentoring to people leaving prison.", "reoffending", daysAgo: 1),
        CaseStudy("c", "Police drones", "Drones help police find missing people in Cumbria.", "trust-in-policing", daysAgo: 3),
        CaseStudy("d", "Mentoring in Gwent", "Young people in Gwent get mentoring from police volunteers.", "reoffending", daysAgo: 10),
    ]);

    private static DateOnly DaysAgo(int days) => DateOnly.FromDateTime(s_day.AddDays(-days).UtcDateTime);

    private static IEnumerable<string> Keys(SearchResults results) => results.Hits.Select(h => h.CaseStudy.Key);

    [Fact]
    public void EveryWordMustMatchAndResultsComeNewestFirst()
    {
        Assert.Equal(["b", "d"], Keys(s_index.Search(new SearchQuery("gwent mentoring"))));
        Assert.Empty(Keys(s_index.Search(new SearchQuery("gwent naloxone"))));
    }

    [Fact]
    public void TextWithEmojiAndBrokenSurrogatesIsIndexedAndFound()
    {
        var index = new SearchIndex(
        [
            CaseStudy("e", "Cycling club 🚲 for young people", "Young riders \ud83d meet officers 👮 every week in Rugby."),
        ]);

        Assert.Equal(["e"], Keys(index.Search(new SearchQuery("cycling rugby"))));
        Assert.Equal(["e"], Keys(index.Search(new SearchQuery("🚲 riders"))));
        Assert.Equal("young riders \ud83d meet officers 👮", FoldedText.Of("Young riders \ud83d meet officers 👮").Text);
    }

    [Fact]
    public void CaseAndAccentsDoNotMatter()
    {
        Assert.Equal(["b"], Keys(s_index.Search(new SearchQuery("CAFE veterans"))));
        Assert.Equal(["b"], Keys(s_index.Search(new SearchQuery("VÉTÉRANS café"))));
    }

    [Fact]
    public void AWordFindsLongerWordsThatStartWithItButNotWordsThatMerelyContainIt()
    {
        Assert.Equal(["c", "d"], Keys(s_index.Search(new SearchQuery("polic"))));
        Assert.Empty(Keys(s_index.Search(new SearchQuery("lice"))));
    }

    [Fact]
    public void ThemeAndChangedSinceNarrowTheResults()
    {
        Assert.Equal(["b", "d"], Keys(s_index.Search(new SearchQuery("mentoring", "reoffending", DaysAgo(20)))));
        Assert.Equal(["b"], Keys(s_index.Search(new SearchQuery("mentoring", null, DaysAgo(2)))));
        Assert.Equal(["b", "c", "a"], Keys(s_index.Search(new SearchQuery(null, null, DaysAgo(6)))));
        Assert.Equal(["c"], Keys(s_index.Search(new SearchQuery("", "trust-in-policing"))));
    }

    [Fact]
    public void MatchesAreMarkedInTitleAndExcerpt()
    {
        var hit = Assert.Single(s_index.Search(new SearchQuery("cafe mentor")).Hits);

        Assert.Equal([new TextRun("Café", true), new TextRun(" for veterans", false)], hit.Title);
        Assert.Equal(["café", "mentoring"], hit.Excerpt.Where(r => r.Match).Select(r => r.Text));
        Assert.Equal(hit.CaseStudy.Text, string.Concat(hit.Excerpt.Select(r => r.Text)));
    }

    [Fact]
    public void ALongTextIsCutToAnExcerptAroundTheFirstMatch()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 200)) + " the naloxone kit " + string.Join(' ', Enumerable.Repeat("tail", 200));
        var index = new SearchIndex([CaseStudy("x", "Long", text)]);

        var excerpt = Assert.Single(index.Search(new SearchQuery("naloxone")).Hits).Excerpt;

        Assert.Equal("…", excerpt[0].Text);
        Assert.Equal("…", excerpt[^1].Text);
        Assert.Contains(excerpt, r => r.Match && r.Text == "naloxone");
        Assert.InRange(string.Concat(excerpt.Select(r => r.Text)).Length, 100, 330);
    }

    [Fact]
    public void AnEmptyQueryFindsNothing()
    {
        var results = s_index.Search(new SearchQuery("  ,, "));

        Assert.Equal(0, results.Total);
        Assert.True(results.Query.IsEmpty);
    }

    [Fact]
    public void AnUnreadableDateIsAnErrorNotAFilter()
    {
        var query = SearchQuery.Parse("drones", "", "last tuesday", out var error);

        Assert.Equal("The date must look like 2026-11-23.", error);
        Assert.Null(query.ChangedSince);
        Assert.Null(query.Theme);
    }
}
