using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Related;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Related;

/// <summary>
/// The stored related lists, through the ingest pipeline on Azurite: computed when an ingest publishes a version,
/// read as they were stored, rewritten only where the catalogue changed, and completed by the next refresh after one
/// that stopped part-way.
/// </summary>
public sealed partial class RelatedCaseStudiesTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Briefing = "001_88da988782738298.txt", WriteUp = "000_175f4da499abf29a.txt";

    [Fact]
    public async Task AnIngestStoresTheListsAndEveryCaseStudyReadsItsOwnWithTheBriefingsTitle()
    {
        await using var services = await CatalogueServices.CreateAsync(fixture, ownContainers: true);
        await IngestAsync(services, WriteUp, Seed(WriteUp));
        await IngestAsync(services, Briefing, Seed(Briefing));
        var reader = services.GetRequiredService<CatalogueReader>();

        var catalogue = await reader.CaseStudiesAsync(null, CancellationToken.None);

        Assert.Equal(20, catalogue.Count);
        Assert.Equal(2, catalogue.Count(c => c.AlsoReportedIn.Count > 0));
        foreach (var caseStudy in catalogue)
        {
            var related = (await reader.CaseStudyAsync(caseStudy.Key, CancellationToken.None))!.Related;
            Assert.InRange(related.Count, 3, 5);
            Assert.DoesNotContain(caseStudy.Key, related.Select(r => r.Key));
            Assert.Equal(related.Count, related.Select(r => r.Key).Distinct().Count());
            Assert.All(related, r =>
            {
                var other = Assert.Single(catalogue, c => c.Key == r.Key);
                Assert.Equal((other.Title, other.Briefing, "Public Safety, Public Trust"), (r.Title, r.Briefing.Slug, r.Briefing.Title));
                Assert.NotEmpty(r.SharedTerms);
            });
        }
    }

    [Fact]
    public async Task RecomputingTheSameCatalogueOrReingestingTheSameVersionChangesNoRow()
    {
        await using var services = await CatalogueServices.CreateAsync(fixture, ownContainers: true);
        await IngestAsync(services, Briefing, Seed(Briefing));
        var store = services.GetRequiredService<PccStore>();
        var stored = await StoredAsync(store);

        var refresh = await services.GetRequiredService<RelatedCaseStudies>().RefreshAsync(CancellationToken.None);
        var duplicate = await services.GetRequiredService<BriefingIngestor>().IngestAsync(Briefing, CancellationToken.None);

        Assert.Equal(new RelatedRefresh(20, 20, 0), refresh);
        Assert.Equal(IngestStatus.Duplicate, duplicate.Status);
        Assert.Equal(20, stored.Count);
        Assert.Equal(stored, await StoredAsync(store));
    }

    [Fact]
    public async Task ACaseStudyANewVersionRemovesDropsOutOfEveryListAndLosesItsOwn()
    {
        await using var services = await CatalogueServices.CreateAsync(fixture, ownContainers: true);
        await IngestAsync(services, Briefing, Seed(Briefing));
        var reader = services.GetRequiredService<CatalogueReader>();
        var cleveland = (await reader.CaseStudiesAsync(null, CancellationToken.None)).Single(c => c.Text.StartsWith("In Cleveland the PCC commissioned research", StringComparison.Ordinal)).Key;
        Assert.Contains(cleveland, (await StoredAsync(services.GetRequiredService<PccStore>())).Values.SelectMany(Keys));

        await IngestAsync(services, Briefing, System.Text.Encoding.UTF8.GetBytes(ClevelandRemoved().Replace(System.Text.Encoding.UTF8.GetString(Seed(Briefing)), "")));

        var stored = await StoredAsync(services.GetRequiredService<PccStore>());
        Assert.Equal(19, stored.Count);
        Assert.DoesNotContain(cleveland, stored.Keys);
        Assert.DoesNotContain(cleveland, stored.Values.SelectMany(Keys));
        var removed = (await reader.CaseStudyAsync(cleveland, CancellationToken.None))!;
        Assert.True(removed.Removed);
        Assert.Empty(removed.Related);
    }

    [Fact]
    public async Task ARefreshCompletesWhatAnInterruptedOneLeftAndFillsACatalogueThatHadNone()
    {
        await using var services = await CatalogueServices.CreateAsync(fixture, ownContainers: true);
        await IngestAsync(services, Briefing, Seed(Briefing));
        var store = services.GetRequiredService<PccStore>();
        var reader = services.GetRequiredService<CatalogueReader>();
        var complete = await StoredAsync(store);
        var keys = complete.Keys.Order(StringComparer.Ordinal).ToList();

        // As a deployment from before the lists existed: nothing stored, nothing shown.
        foreach (var key in keys)
        {
            await store.RelatedCaseStudies.DeleteEntityAsync(RelatedCaseStudiesEntity.Partition, key);
        }

        Assert.Empty((await reader.CaseStudyAsync(keys[0], CancellationToken.None))!.Related);
        await services.GetRequiredService<RelatedCaseStudies>().RefreshAsync(CancellationToken.None);
        Assert.Equal(complete, await StoredAsync(store));

        // As a refresh stopped part-way after a case study was removed: one list still naming it, its own row left over.
        var stale = complete[keys[0]].Replace(keys[1], "gone-case-study", StringComparison.Ordinal);
        await store.RelatedCaseStudies.UpsertEntityAsync(new RelatedCaseStudiesEntity { PartitionKey = RelatedCaseStudiesEntity.Partition, RowKey = keys[0], Related = stale });
        await store.RelatedCaseStudies.UpsertEntityAsync(new RelatedCaseStudiesEntity { PartitionKey = RelatedCaseStudiesEntity.Partition, RowKey = "gone-case-study", Related = complete[keys[1]] });
        var refresh = await services.GetRequiredService<RelatedCaseStudies>().RefreshAsync(CancellationToken.None);

        Assert.Equal(2, refresh.RowsChanged);
        Assert.Equal(complete, await StoredAsync(store));
    }

    private static byte[] Seed(string name) => File.ReadAllBytes(RepositoryRoot.Combine("seeds", name));

    private static async Task IngestAsync(ServiceProvider services, string name, byte[] content)
    {
        var store = services.GetRequiredService<PccStore>();
        await store.BriefingBlobs.CreateIfNotExistsAsync();
        await store.BriefingBlobs.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        var outcome = await services.GetRequiredService<BriefingIngestor>().IngestAsync(name, CancellationToken.None);
        Assert.True(outcome.Status == IngestStatus.Ingested, outcome.Message);
    }

    private static async Task<Dictionary<string, string>> StoredAsync(PccStore store)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in store.RelatedCaseStudies.QueryAsync<RelatedCaseStudiesEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {RelatedCaseStudiesEntity.Partition}")))
        {
            rows[row.RowKey] = row.Related;
        }

        return rows;
    }

    private static IEnumerable<string> Keys(string related) => new RelatedCaseStudiesEntity { Related = related }.Read().Select(r => r.Key);

    [GeneratedRegex(@"Case study 5: In Cleveland the PCC commissioned research[\s\S]*?victimisation\.\s*")]
    private static partial Regex ClevelandRemoved();
}
