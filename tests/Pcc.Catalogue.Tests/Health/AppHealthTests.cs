using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pcc.Catalogue.Health;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Platform.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Health;

/// <summary>The health readings on the run's Azurite, and on an account that does not answer.</summary>
public sealed class AppHealthTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AReachableAccountReportsItsQueueDepthsNewestDigestRunsAndLastIngest()
    {
        await using var services = await CatalogueServices.CreateAsync(fixture);
        var store = services.GetRequiredService<PccStore>();
        var connection = services.GetRequiredService<StorageConnection>();
        var ledger = new DigestLedger(store.DigestRuns, store.Deliveries, store.DigestBatches);
        var poison = connection.CreateQueueServiceClient().GetQueueClient(AzuriteFixture.UniqueName("poison"));
        await poison.CreateAsync();
        await poison.SendMessageAsync("a message the host gave up on");
        var end = new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
        await ledger.SaveRunAsync(Run(end.AddDays(-1), DigestRunStatus.Completed, failed: 0));
        await ledger.SaveRunAsync(Run(end, DigestRunStatus.Sending, failed: 2));
        await store.Ingestions.AddEntityAsync(new IngestionEntity { PartitionKey = "older", RowKey = "0x1", Status = IngestStatus.Completed, IngestedAt = end.AddHours(-2) });
        await store.Ingestions.AddEntityAsync(new IngestionEntity { PartitionKey = "newer", RowKey = "0x2", Status = IngestStatus.Held, IngestedAt = end.AddHours(-1) });

        var report = await Health(store, ledger, connection, [poison.Name, AzuriteFixture.UniqueName("absent")]).ReadAsync(CancellationToken.None);

        Assert.True(report.Healthy);
        Assert.Equal(new StorageReachability(true, true, true), report.Storage);
        Assert.Equal([new QueueDepth(poison.Name, 1), new QueueDepth(report.Queues[1].Name, 0)], report.Queues);
        var daily = report.Digests["daily"]!;
        Assert.Equal((end, "sending", 2), (daily.WindowEnd, daily.Status, daily.Failed));
        Assert.Null(report.Digests["weekly"]);
        Assert.Equal(new LastIngest("newer", IngestStatus.Held, end.AddHours(-1)), report.LastIngest);
    }

    [Fact]
    public async Task AnAccountThatDoesNotAnswerIsUnhealthyWithinTheTimeout()
    {
        var closed = $"http://127.0.0.1:{FreePort.Next()}/{Azurite.AccountName}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};" +
                $"BlobEndpoint={closed};QueueEndpoint={closed};TableEndpoint={closed};",
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCatalogue(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<PccStore>();
        var started = DateTimeOffset.UtcNow;

        var report = await Health(store, new DigestLedger(store.DigestRuns, store.Deliveries, store.DigestBatches),
            services.GetRequiredService<StorageConnection>(), ["digest-batches-poison"]).ReadAsync(CancellationToken.None);

        Assert.False(report.Healthy);
        Assert.Equal(new StorageReachability(false, false, false), report.Storage);
        Assert.Equal([new QueueDepth("digest-batches-poison", null)], report.Queues);
        Assert.All(report.Digests.Values, Assert.Null);
        Assert.Null(report.LastIngest);
        Assert.True(DateTimeOffset.UtcNow - started < AppHealth.Timeout + TimeSpan.FromSeconds(5));
    }

    private static AppHealth Health(PccStore store, DigestLedger ledger, StorageConnection connection, string[] queues) =>
        new(store, ledger, connection.CreateQueueServiceClient(), queues, TimeProvider.System, NullLogger<AppHealth>.Instance);

    private static DigestRunEntity Run(DateTimeOffset end, DigestRunStatus status, int failed) => new()
    {
        PartitionKey = DigestRunEntity.PartitionFor(DigestFrequency.Daily),
        RowKey = DigestRunEntity.RowKeyFor(end),
        WindowId = $"daily-{end:yyyyMMdd'T'HHmm'Z'}",
        WindowStart = end.AddDays(-1),
        WindowEnd = end,
        Status = status,
        Failed = failed,
    };
}
