using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Storage;

public sealed class PccStoreTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EnsuringTheStoreCreatesWhatIsMissingAndKeepsWhatIsThere()
    {
        var prefix = AzuriteFixture.UniqueName("t");
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = fixture.Azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:BriefingsContainer"] = AzuriteFixture.UniqueName("briefings"),
            ["Storage:ReportsContainer"] = AzuriteFixture.UniqueName("reports"),
            ["Storage:LocksContainer"] = AzuriteFixture.UniqueName("locks"),
            ["Storage:SummariesContainer"] = AzuriteFixture.UniqueName("summaries"),
            ["Storage:DigestBatchesContainer"] = AzuriteFixture.UniqueName("batches"),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCatalogue(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<PccStore>();

        // An account where one table and one container are there already, with data, and the rest are not.
        await store.Changes.CreateAsync();
        await store.Changes.AddEntityAsync(new TableEntity("p", "kept"));
        await store.Reports.CreateAsync();
        await store.Reports.GetBlobClient("kept.txt").UploadAsync(BinaryData.FromString("kept"));

        await store.EnsureCreatedAsync();

        TableClient[] tables = [store.Briefings, store.BriefingVersions, store.Ingestions, store.BriefingCaseStudies, store.CaseStudies, store.CaseStudyHistory,
            store.Changes, store.RelatedCaseStudies, store.Subscribers, store.DigestRuns, store.Deliveries, store.RateLimits];
        var service = new TableServiceClient(fixture.Azurite.ConnectionString);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            existing.Add(table.Name);
        }

        Assert.Equal(tables.Select(t => t.Name).Order(), existing.Order());
        BlobContainerClient[] containers = [store.BriefingBlobs, store.Reports, store.Locks, store.Summaries, store.DigestBatches];
        foreach (var container in containers)
        {
            Assert.True(await container.ExistsAsync(), container.Name);
        }

        Assert.Equal("kept", (await store.Changes.GetEntityAsync<TableEntity>("p", "kept")).Value.RowKey);
        Assert.Equal("kept", (await store.Reports.GetBlobClient("kept.txt").DownloadContentAsync()).Value.Content.ToString());
    }
}
