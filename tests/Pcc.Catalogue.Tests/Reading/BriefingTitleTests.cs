using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Search;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Reading;

/// <summary>
/// A case study in a titled briefing and in an untitled write-up: every view that names a briefing gives its title
/// beside its slug, and the slug where there is no title.
/// </summary>
public sealed class BriefingTitleTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Title = "Public Safety, Public Trust";
    private static readonly DateTimeOffset s_at = DateTimeOffset.UtcNow.AddMinutes(-10);
    private static readonly ReportCaseStudy s_numbered = new("hub", 3, "drug-harm", "Drug harm", "A hub", "The hub opened in Plymouth during the pandemic.", "line 4");
    private static readonly ReportCaseStudy s_restated = s_numbered with { Number = null, Text = "A hub opened in Plymouth." };

    [Fact]
    public async Task EveryViewNamesABriefingByItsTitleAndAnUntitledOneByItsSlug()
    {
        var services = await CatalogueServices.CreateAsync(fixture);
        await ApplyAsync(services, Report("write-up", 1, s_restated, title: null), Report("briefing", 2, s_numbered, Title));
        var reader = services.GetRequiredService<CatalogueReader>();

        var entry = Assert.Single(await reader.CaseStudiesAsync(null, CancellationToken.None));
        Assert.Equal(("briefing", Title), (entry.Briefing, entry.BriefingTitle));
        Assert.Equal([new BriefingName("write-up", "write-up")], entry.AlsoReportedIn);

        var changes = (await reader.ChangesAsync(s_at.AddDays(-1), DateTimeOffset.UtcNow, 10, null, CancellationToken.None))!.Changes;
        Assert.Equal([("write-up", "write-up"), ("briefing", Title)], changes.Select(c => (c.Briefing, c.BriefingTitle)));
        var newest = await services.GetRequiredService<RecentChanges>().NewestAsync(10, null, CancellationToken.None);
        Assert.Equal([Title, "write-up"], newest.Select(c => c.BriefingTitle));

        var detail = await reader.CaseStudyAsync("hub", CancellationToken.None);
        Assert.Equal(Title, detail!.Current!.BriefingTitle);
        Assert.Equal([Title, "write-up"], detail.History.Select(h => h.BriefingTitle));

        var hit = Assert.Single((await services.GetRequiredService<CatalogueSearch>().SearchAsync(new SearchQuery("Plymouth"), CancellationToken.None)).Hits);
        Assert.Equal((Title, "write-up"), (hit.CaseStudy.BriefingTitle, Assert.Single(hit.CaseStudy.AlsoReportedIn).Title));
    }

    [Fact]
    public async Task SearchNamesABriefingByTheTitleOfItsNewestVersion()
    {
        var services = await CatalogueServices.CreateAsync(fixture);
        await ApplyAsync(services, Report("briefing", 1, s_numbered, Title), Report("write-up", 2, s_restated, title: null));
        var search = services.GetRequiredService<CatalogueSearch>();
        Assert.Equal("write-up", Assert.Single(Assert.Single((await search.SearchAsync(new SearchQuery("Plymouth"), CancellationToken.None)).Hits).CaseStudy.AlsoReportedIn).Title);

        await ApplyAsync(services, Report("write-up", 3, s_restated, "The hub in the news") with { Version = 2, New = [], Unchanged = [s_restated.Key] });

        var hit = Assert.Single((await search.SearchAsync(new SearchQuery("Plymouth"), CancellationToken.None)).Hits);
        Assert.Equal(new BriefingName("write-up", "The hub in the news"), Assert.Single(hit.CaseStudy.AlsoReportedIn));
    }

    private static async Task ApplyAsync(ServiceProvider services, params IngestionReport[] reports)
    {
        var writer = services.GetRequiredService<IngestionWriter>();
        foreach (var report in reports)
        {
            await writer.ApplyAsync(report, await writer.ReadCatalogueAsync(CancellationToken.None), CancellationToken.None);
        }
    }

    private static IngestionReport Report(string slug, int minute, ReportCaseStudy caseStudy, string? title) => new()
    {
        BlobName = slug + ".txt",
        Slug = slug,
        Etag = $"0x{minute}",
        Version = 1,
        IngestedAt = s_at.AddMinutes(minute),
        Status = IngestStatus.Ingested,
        Title = title,
        CaseStudies = [caseStudy],
        New = [caseStudy],
    };
}
