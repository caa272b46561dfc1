using Pcc.Briefings.Comparison;
using System.ServiceModel.Syndication;
using System.Xml;
using Pcc.Catalogue.Reading;
using Pcc.Functions.Pages.Feeds;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Pages;

public sealed class FeedTests
{
    private const string BaseUrl = "https://pcc.example.org";

    private static SyndicationFeed ReadBack(byte[] atom)
    {
        using var reader = XmlReader.Create(new MemoryStream(atom));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [Fact]
    public async Task ALaterVersionPutsItsChangesAtTheTopOfTheFeedWithLinksToTheCaseStudyPages()
    {
        await using var services = await HostlessApp.CreateAsync();
        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);
        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.LaterVersion);

        var changes = await services.GetRequiredService<RecentChanges>().NewestAsync(50, null, CancellationToken.None);
        var feed = ReadBack(AtomFeed.Write(await AtomFeed.BuildAsync("All changes", BaseUrl, "/feeds/all.atom", "/", changes, DateTimeOffset.UtcNow)));

        var items = feed.Items.ToList();
        Assert.Equal(23, items.Count); // 20 new, then 1 new, 1 changed, 1 removed
        Assert.Equal(["Changed", "New", "Removed"], items.Take(3).Select(i => i.Title.Text.Split(':')[0]).Order());
        var changed = items.Single(i => i.Title.Text.StartsWith("Changed:", StringComparison.Ordinal));
        Assert.Contains("<del>", ((TextSyndicationContent)changed.Summary).Text);
        Assert.Contains("41", ((TextSyndicationContent)changed.Summary).Text);
        Assert.StartsWith(BaseUrl + "/case-studies/", changed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.LastUpdatedTime >= p.Second.LastUpdatedTime));
    }

    [Fact]
    public async Task EntryIdsStayTheSameFromOneReadingToTheNext()
    {
        await using var services = await HostlessApp.CreateAsync();
        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);
        var recent = services.GetRequiredService<RecentChanges>();

        var first = await AtomFeed.BuildAsync("All", BaseUrl, "/feeds/all.atom", "/", await recent.NewestAsync(50, null, CancellationToken.None), DateTimeOffset.UtcNow);
        var second = await AtomFeed.BuildAsync("All", BaseUrl, "/feeds/all.atom", "/", await recent.NewestAsync(50, null, CancellationToken.None), DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal(first.Items.Select(i => i.Id), second.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task AThemeFeedHasOnlyThatThemeAndAtMostTheNewestFifty()
    {
        await using var services = await HostlessApp.CreateAsync();
        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);
        var recent = services.GetRequiredService<RecentChanges>();

        var theme = await recent.NewestAsync(50, "drug-harm", CancellationToken.None);
        var three = await recent.NewestAsync(3, null, CancellationToken.None);

        Assert.NotEmpty(theme);
        Assert.All(theme, c => Assert.Equal("drug-harm", c.ThemeSlug));
        Assert.Equal(3, three.Count);
    }

    [Fact]
    public async Task HostileTextInACaseStudyIsEscapedInTheFeed()
    {
        var change = new Pcc.Catalogue.Reading.Models.ChangeView("new", "k", 1, "drug-harm", "Drugs", "<script>alert(1)</script>", "a & b <img src=x>", null, null, "b", 1, DateTimeOffset.UtcNow, null, "B", null, ChangeGrade.Substantive, "<b>note</b> & more");

        var feed = ReadBack(AtomFeed.Write(await AtomFeed.BuildAsync("All", BaseUrl, "/feeds/all.atom", "/", [change], DateTimeOffset.UtcNow)));

        var item = Assert.Single(feed.Items);
        Assert.Equal("New: <script>alert(1)</script>", item.Title.Text);
        Assert.Contains("a &amp; b &lt;img src=x&gt;", ((TextSyndicationContent)item.Summary).Text);
    }
}
