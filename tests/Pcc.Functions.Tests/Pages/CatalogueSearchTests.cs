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

    [Fact]
    public async Task RestorativeJusticeFindsRestorativeGloucestershireFirst()
    {
        await using var services = await HostlessApp.CreateAsync();
        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);

        var results = await services.GetRequiredService<CatalogueSearch>().SearchAsync(new SearchQuery("restorative justice"), CancellationToken.None);

        // The case study never says "justice": the built-in synonyms list has "rj, restorative justice".
        var first = results.Hits[0];
        Assert.StartsWith("Restorative Gloucestershire", first.CaseStudy.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("justice", first.CaseStudy.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(first.Excerpt, r => r.Match && r.Text == "RJ");
        Assert.True(results.Total > 1, "case studies that say only \"justice\" or \"restorative\" follow");
    }

    [Fact]
    public async Task ASynonymsFileNamedInTheSettingsIsUsed()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, await File.ReadAllTextAsync(RepositoryRoot.Combine("seeds", "synonyms.txt")) + "cuckooing, county lines\n");
        try
        {
            await using var services = await HostlessApp.CreateAsync(settings: new Dictionary<string, string?> { ["Search:SynonymsFile"] = file });
            await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);

            var results = await services.GetRequiredService<CatalogueSearch>().SearchAsync(new SearchQuery("cuckooing"), CancellationToken.None);

            var hit = Assert.Single(results.Hits);
            Assert.StartsWith("St Giles Trust runs the SOS project", hit.CaseStudy.Text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnIngestReReadsOnlyItsBriefingIntoTheIndex()
    {
        await using var services = await HostlessApp.CreateAsync();
        await services.UploadAndIngestAsync(SeedBriefing.WriteUpName, SeedBriefing.WriteUp);
        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);
        var search = services.GetRequiredService<CatalogueSearch>();
        var index = await search.IndexAsync(CancellationToken.None);
        var before = (index.Count, index.Indexed);
        Assert.Equal(index.Count, index.Indexed);
        var cleveland = index.All().Single(c => c.Text.StartsWith("In Cleveland the PCC commissioned research", StringComparison.Ordinal)).Key;

        await services.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.LaterVersion);
        var hit = (await search.SearchAsync(new SearchQuery("Plymouth community hub"), CancellationToken.None)).Hits[0];

        Assert.Equal(SeedBriefing.InsertedText["Case study 3: ".Length..], hit.CaseStudy.Text);
        Assert.Same(index, await search.IndexAsync(CancellationToken.None));
        Assert.Equal(1, search.FullLoads);
        Assert.Equal(1, search.BriefingsRead);
        // The later version's 20 case studies are indexed again (Cleveland's is removed), the write-up's are not.
        Assert.Equal(20, index.Indexed - before.Indexed);
        Assert.Equal(before.Count, index.Count);
        Assert.Null(index.Find(cleveland));
    }
}
