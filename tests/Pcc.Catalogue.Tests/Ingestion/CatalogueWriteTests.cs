using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Ingestion;

/// <summary>
/// An ingest writes only the catalogue rows whose content it changes: a version that edits one case study rewrites that
/// row (and one that renumbers another, that one), leaves the rest untouched, and applying it again writes none.
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

    private static async Task<Dictionary<string, string>> EtagsAsync(PccStore store)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in store.CaseStudies.QueryAsync<CaseStudyEntity>())
        {
            etags[row.RowKey] = row.ETag.ToString();
        }

        return etags;
    }

    private static IngestionReport Report(int version, IReadOnlyList<ReportCaseStudy> caseStudies, IReadOnlyList<ReportCaseStudy>? news = null, IReadOnlyList<ReportChange>? changed = null) => new()
    {
        BlobName = "briefing.txt",
        Slug = "briefing",
        Etag = $"0x{version}",
        Version = version,
        IngestedAt = s_at.AddMinutes(version),
        Status = IngestStatus.Ingested,
        CaseStudies = caseStudies,
        New = news ?? [],
        Changed = changed ?? [],
    };
}
