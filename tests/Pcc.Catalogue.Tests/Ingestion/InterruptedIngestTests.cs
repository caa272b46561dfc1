using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Attempts;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Ingestion;

/// <summary>
/// An ingest interrupted mid-way (its invocation cancelled by the host's timeout or drain, or the catalogue lock lost)
/// stops before its next write, and the next ingest completes the version from the receipt and the saved plan. The
/// tests hold the ingest's first catalogue write (its first table batch) in the pipeline, interrupt the ingest, and let
/// the write go once the ingest's token has fired; it is then never sent.
/// </summary>
public sealed class InterruptedIngestTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Name = "001_88da988782738298.txt";

    [Fact]
    public async Task AnIngestThatLosesTheCatalogueLockWritesNothingMoreAndTheNextIngestCompletesTheVersion()
    {
        var (services, firstBatch) = await CreateAsync();
        await using var _ = services;
        var store = services.GetRequiredService<PccStore>();
        var etag = await UploadAsync(store);

        var ingest = services.GetRequiredService<BriefingIngestor>().IngestAsync(Name, CancellationToken.None);
        await firstBatch.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        // The lock notices when it next renews its lease (a third of the lease, 20 s).
        await store.Locks.GetBlobClient("ingest/catalogue").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingest);
        await AssertStoppedThenCompletedAsync(services, etag, ended: 1);
    }

    [Fact]
    public async Task AnIngestCancelledMidWayWritesNothingMoreAndTheNextIngestCompletesTheVersion()
    {
        var (services, firstBatch) = await CreateAsync();
        await using var _ = services;
        var etag = await UploadAsync(services.GetRequiredService<PccStore>());
        using var cancel = new CancellationTokenSource();

        var ingest = services.GetRequiredService<BriefingIngestor>().IngestAsync(Name, cancel.Token);
        await firstBatch.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingest);
        // A cancelled attempt is not recorded as ended: it counts as one that stopped its process.
        await AssertStoppedThenCompletedAsync(services, etag, ended: 0);
    }

    private static async Task AssertStoppedThenCompletedAsync(ServiceProvider services, string etag, int ended)
    {
        var store = services.GetRequiredService<PccStore>();
        var receipts = services.GetRequiredService<IngestionReceipts>();
        var slug = BriefingSlug.FromBlobName(Name);
        var stopped = await receipts.GetAsync(slug, etag, CancellationToken.None);
        Assert.Equal((IngestStatus.Pending, 1, ended, 1), (stopped!.Status, stopped.Attempts, stopped.AttemptsEnded, stopped.Version));
        Assert.Equal(0, await CountAsync(store.Changes));
        Assert.Equal(0, await CountAsync(store.CaseStudies));
        Assert.Equal(0, await CountAsync(store.BriefingVersions));

        var outcome = await services.GetRequiredService<BriefingIngestor>().IngestAsync(Name, CancellationToken.None);

        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        Assert.Equal(1, outcome.Report!.Version);
        var completed = await receipts.GetAsync(slug, etag, CancellationToken.None);
        Assert.Equal((IngestStatus.Completed, 2, ended + 1, 1), (completed!.Status, completed.Attempts, completed.AttemptsEnded, completed.Version));
        Assert.Equal(outcome.Report.Counts.CaseStudies, await CountAsync(store.CaseStudies));
        Assert.Equal(1, await CountAsync(store.BriefingVersions));
    }

    private async Task<(ServiceProvider Services, HoldFirstBatch FirstBatch)> CreateAsync()
    {
        var firstBatch = new HoldFirstBatch();
        var services = await CatalogueServices.CreateAsync(fixture, ownContainers: true, replace: s => s.AddSingleton(
            new TableServiceClient(fixture.Azurite.ConnectionString, WithPolicy(new TableClientOptions(), firstBatch))));
        return (services, firstBatch);
    }

    private static async Task<string> UploadAsync(PccStore store)
    {
        await store.BriefingBlobs.CreateIfNotExistsAsync();
        var uploaded = await store.BriefingBlobs.GetBlobClient(Name).UploadAsync(BinaryData.FromBytes(File.ReadAllBytes(RepositoryRoot.Combine("seeds", Name))), overwrite: true);
        return IngestionPaths.Sanitise(uploaded.Value.ETag.ToString());
    }

    private static TableClientOptions WithPolicy(TableClientOptions options, HttpPipelinePolicy policy)
    {
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return options;
    }

    private static async Task<int> CountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>Holds the first table batch until its cancellation token fires (bounded, for a test that would fail).</summary>
    private sealed class HoldFirstBatch : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The catalogue writes asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && _reached.TrySetResult())
            {
                await Task.Delay(TimeSpan.FromSeconds(90), message.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
