using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Ingestion;

/// <summary>
/// The related lists after an ingest are computed from the writer's copy of the catalogue, not from the table read
/// again: after every kind of write (new, edited, renumbered, moved to another theme, handed to another source,
/// dropped) that copy must be what the table holds, or related lists would describe a catalogue that is not there.
/// </summary>
public sealed class CatalogueCopyTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_at = DateTimeOffset.UtcNow.AddMinutes(-30);
    private static readonly ReportCaseStudy s_hub = new("hub", 1, "drug-harm", "Drug harm", "A hub", "The hub opened in Plymouth during the pandemic.", "line 4");
    private static readonly ReportCaseStudy s_fund = new("fund", 2, "covid-recovery", "Covid recovery", "A fund", "The PCC set up a fund for community recovery.", "line 9");
    private static readonly ReportCaseStudy s_court = new("court", 3, "covid-recovery", "Covid recovery", "A court", "A virtual court cut the backlog by a third.", "line 14");

    [Fact]
    public async Task AfterEveryWriteTheWritersCopyIsWhatTheTableHolds()
    {
        var services = await CatalogueServices.CreateAsync(fixture);
        var writer = services.GetRequiredService<IngestionWriter>();
        var hubRestated = s_hub with { Number = null, Text = "A hub opened in Plymouth." };
        var courtRestated = s_court with { Number = null, Text = "A court went virtual." };
        var movedFund = s_fund with { Number = 4, ThemeSlug = "drug-harm", Theme = "Drug harm" };
        var editedCourt = s_court with { Text = "A virtual court cut the backlog by a half." };

        IngestionReport[] steps =
        [
            Report("briefing", 1, 1, [s_hub, s_fund, s_court], news: [s_hub, s_fund, s_court]),
            // Another document reports the hub and the court: they gain it as a source, and it speaks for neither.
            Report("write-up", 1, 2, [hubRestated, courtRestated], news: [hubRestated, courtRestated]),
            // The fund is renumbered into another theme and the court edited.
            Report("briefing", 2, 3, [s_hub, movedFund, editedCourt], changed: [new ReportChange(s_court, editedCourt, null!)]),
            // The briefing drops the hub (the write-up speaks for it from now on) and the fund (gone: it had no other source).
            Report("briefing", 3, 4, [editedCourt], removed: [s_hub, movedFund]),
        ];
        foreach (var report in steps)
        {
            var copy = await writer.ReadCatalogueAsync(default);
            await writer.ApplyAsync(report, copy, default);
            Assert.Equal(Rows(await writer.ReadCatalogueAsync(default)), Rows(copy));
        }

        // The briefing removed: the court stays, in the write-up's words; the hub, which it had already dropped, is left as it is.
        var catalogue = await writer.ReadCatalogueAsync(default);
        Assert.Equal(["court", "hub"], catalogue.Keys.Order(StringComparer.Ordinal));
        await writer.DropSourceAsync("briefing", ["court", "hub"], s_at.AddMinutes(5), catalogue, default);
        Assert.Equal(Rows(await writer.ReadCatalogueAsync(default)), Rows(catalogue));
        Assert.Equal(courtRestated.Text, catalogue["court"].Text);
        await writer.DropSourceAsync("write-up", ["court", "hub"], s_at.AddMinutes(6), catalogue, default);
        Assert.Empty(catalogue);
        Assert.Empty(await writer.ReadCatalogueAsync(default));
    }

    // Every stored property but the service's own (ETag, Timestamp), in key order.
    private static List<string> Rows(Dictionary<string, CaseStudyEntity> catalogue) =>
        [.. catalogue.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
            $"{e.Key}: {e.Value.PartitionKey}/{e.Value.RowKey} {e.Value.Number} {e.Value.ThemeSlug} {e.Value.Theme} {e.Value.Title} {e.Value.Text} {e.Value.Location} " +
            $"{e.Value.Briefing} [{e.Value.Sources}] {e.Value.FirstSeen:O} {e.Value.LastChanged:O}")];

    private static IngestionReport Report(string slug, int version, int minute, IReadOnlyList<ReportCaseStudy> caseStudies,
        IReadOnlyList<ReportCaseStudy>? news = null, IReadOnlyList<ReportChange>? changed = null, IReadOnlyList<ReportCaseStudy>? removed = null) => new()
    {
        BlobName = slug + ".txt",
        Slug = slug,
        Etag = $"0x{slug}{version}",
        Version = version,
        IngestedAt = s_at.AddMinutes(minute),
        Status = IngestStatus.Ingested,
        CaseStudies = caseStudies,
        New = news ?? [],
        Changed = changed ?? [],
        Removed = removed ?? [],
    };
}
