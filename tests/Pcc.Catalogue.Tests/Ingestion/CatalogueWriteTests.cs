using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Ingestion;

/// <summary>
/// An ingest writes only the catalogue rows whose content it changes: a version that edits one case study rewrites that
/// row (and one that renumbers another, that one), leaves the rest untouched, and applying it again writes none. The
/// related lists after an ingest are computed from the writer's copy of the catalogue, not from the table read again,
/// so after every kind of write that copy must be what the table holds.
/// </summary>
public sealed class CatalogueWriteTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_at = DateTimeOffset.UtcNow.AddMinutes(-10);
    private static readonly ReportCaseStudy s_hub = new("hub", 1, "drug-harm", "Drug harm", "A hub", "The hub opened in Plymouth during the pandemic.", "line 4");
    private static readonly ReportCaseStudy s_fund = new("fund", 2, "covid-recovery", "Covid recovery", "A fund", "The PCC set up a fund for community recovery.", "line 9");
    private static readonly ReportCaseStudy s_court = new("court", 3, "covid-recovery", "Covid recovery", "A court", "A virtual court cut the backlog by a third.", "line 14");

    [Fact]
    public async Task AVersionRewritesOnlyTheRowsItChangesAndAppliedAgainWritesNone()
    {
        var services = await CatalogueServices.CreateAsync(fixture);
        var writer = services.GetRequiredService<IngestionWriter>();
        var store = services.GetRequiredService<PccStore>();
        await writer.ApplyAsync(Report(1, [s_hub, s_fund, s_court], news: [s_hub, s_fund, s_court]), await writer.ReadCatalogueAsync(default), default);
        var before = await EtagsAsync(store);

        // Version 2 edits the court's text and renumbers the fund (2 → 4); the hub stays as it was.
        var court = s_court with { Text = "A virtual court cut the backlog by a half." };
        var fund = s_fund with { Number = 4 };
        var second = Report(2, [s_hub, fund, court], changed: [new ReportChange(s_court, court, null!)]);
        await writer.ApplyAsync(second, await writer.ReadCatalogueAsync(default), default);
        var after = await EtagsAsync(store);

        Assert.Equal(before["hub"], after["hub"]);
        Assert.NotEqual(before["court"], after["court"]);
        Assert.NotEqual(before["fund"], after["fund"]);
        var stored = await store.CaseStudies.GetEntityAsync<CaseStudyEntity>("covid-recovery", "fund");
        Assert.Equal(4, stored.Value.Number);

        await writer.ApplyAsync(second, await writer.ReadCatalogueAsync(default), default);
        Assert.Equal(after, await EtagsAsync(store));
    }

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
            Report(1, [s_hub, s_fund, s_court], news: [s_hub, s_fund, s_court]),
            // Another document reports the hub and the court: they gain it as a source, and it speaks for neither.
            Report(1, [hubRestated, courtRestated], news: [hubRestated, courtRestated], slug: "write-up", minute: 2),
            // The fund is renumbered into another theme and the court edited.
            Report(2, [s_hub, movedFund, editedCourt], changed: [new ReportChange(s_court, editedCourt, null!)], minute: 3),
            // The briefing drops the hub (the write-up speaks for it from now on) and the fund (gone: it had no other source).
            Report(3, [editedCourt], removed: [s_hub, movedFund], minute: 4),
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

    private static async Task<Dictionary<string, string>> EtagsAsync(PccStore store)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in store.CaseStudies.QueryAsync<CaseStudyEntity>())
        {
            etags[row.RowKey] = row.ETag.ToString();
        }

        return etags;
    }

    private static IngestionReport Report(int version, IReadOnlyList<ReportCaseStudy> caseStudies, IReadOnlyList<ReportCaseStudy>? news = null,
        IReadOnlyList<ReportChange>? changed = null, IReadOnlyList<ReportCaseStudy>? removed = null, string slug = "briefing", int? minute = null) => new()
    {
        BlobName = slug + ".txt",
        Slug = slug,
        Etag = $"0x{version}",
        Version = version,
        IngestedAt = s_at.AddMinutes(minute ?? version),
        Status = IngestStatus.Ingested,
        CaseStudies = caseStudies,
        New = news ?? [],
        Changed = changed ?? [],
        Removed = removed ?? [],
    };
}
