using Pcc.Catalogue.Search;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Pages;

public sealed class CatalogueSearchTests
{
    [Fact]
    public async Task TwoWordsFromACaseStudyFindItInTheIngestedCatalogue()
    {
        await using var services = await HostlessApp.CreateAsync();
        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);

        var results = await services.GetRequiredService<CatalogueSearch>().SearchAsync(new SearchQuery("homicides Strathclyde"), CancellationToken.None);

        var hit = Assert.Single(results.Hits);
        Assert.Contains("homicides fall 39 per cent", hit.CaseStudy.Text);
        Assert.Contains(hit.Excerpt, r => r.Match && r.Text == "Strathclyde");
    }

    [Fact]
    public async Task ANewVersionOfABriefingIsSearchableAtOnce()
    {
        await using var services = await HostlessApp.CreateAsync();
        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);
        var search = services.GetRequiredService<CatalogueSearch>();
        Assert.Empty((await search.SearchAsync(new SearchQuery("Plymouth hub"), CancellationToken.None)).Hits);

        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.LaterVersion);

        var hit = Assert.Single((await search.SearchAsync(new SearchQuery("Plymouth hub"), CancellationToken.None)).Hits);
        Assert.StartsWith("The PCC in Devon and Cornwall", hit.CaseStudy.Text);
        Assert.Equal(20, (await search.IndexAsync(CancellationToken.None)).Count);
    }
}
