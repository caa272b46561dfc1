using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Ingestion;

/// <summary>
/// One case study in a briefing (numbered) and a write-up (unnumbered), applied to an empty catalogue: the briefing
/// speaks for it whatever the order, the write-up is another source, and when the briefing drops it the write-up speaks.
/// </summary>
public sealed class SourcePrecedenceTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_at = DateTimeOffset.UtcNow.AddMinutes(-10);
    private static readonly ReportCaseStudy s_numbered = new("hub", 3, "drug-harm", "Drug harm", "A hub", "The hub opened in Plymouth during the pandemic.", "line 4");
    private static readonly ReportCaseStudy s_restated = s_numbered with { Number = null, Text = "A hub opened in Plymouth." };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheNumberingBriefingSpeaksWhicheverCameFirst(bool briefingFirst)
    {
        var (writer, reader) = await CatalogueAsync();
        var steps = briefingFirst ? new[] { Briefing(1), WriteUp(2) } : [WriteUp(1), Briefing(2)];
        foreach (var report in steps)
        {
            await writer.ApplyAsync(report, await writer.ReadCatalogueAsync(CancellationToken.None), CancellationToken.None);
        }

        var entry = Assert.Single(await reader.CaseStudiesAsync(null, CancellationToken.None));
        Assert.Equal((3, s_numbered.Text, "briefing"), (entry.Number, entry.Text, entry.Briefing));
        Assert.Equal(["write-up"], entry.AlsoReportedIn.Select(b => b.Slug));
        var changes = (await reader.ChangesAsync(s_at.AddDays(-1), DateTimeOffset.UtcNow, 10, null, CancellationToken.None))!.Changes;
        Assert.Equal(briefingFirst ? ["briefing"] : ["write-up", "briefing"], changes.Select(c => c.Briefing));
    }

    [Fact]
    public async Task WhenTheBriefingDropsItTheWriteUpSpeaksForIt()
    {
        var (writer, reader) = await CatalogueAsync();
        foreach (var report in new[] { Briefing(1), WriteUp(2), Briefing(3) with { Version = 2, CaseStudies = [], New = [], Removed = [s_numbered] } })
        {
            await writer.ApplyAsync(report, await writer.ReadCatalogueAsync(CancellationToken.None), CancellationToken.None);
        }

        var entry = Assert.Single(await reader.CaseStudiesAsync(null, CancellationToken.None));
        Assert.Equal((null, s_restated.Text, "write-up"), (entry.Number, entry.Text, entry.Briefing));
        Assert.Empty(entry.AlsoReportedIn);
    }

    private static IngestionReport Briefing(int minute) => Report("briefing", minute, s_numbered);

    private static IngestionReport WriteUp(int minute) => Report("write-up", minute, s_restated);

    private static IngestionReport Report(string slug, int minute, ReportCaseStudy caseStudy) => new()
    {
        BlobName = slug + ".txt",
        Slug = slug,
        Etag = $"0x{minute}",
        Version = 1,
        IngestedAt = s_at.AddMinutes(minute),
        Status = IngestStatus.Ingested,
        CaseStudies = [caseStudy],
        New = [caseStudy],
    };

    private async Task<(IngestionWriter Writer, CatalogueReader Reader)> CatalogueAsync()
    {
        var services = await CatalogueServices.CreateAsync(fixture);
        return (services.GetRequiredService<IngestionWriter>(), services.GetRequiredService<CatalogueReader>());
    }
}
