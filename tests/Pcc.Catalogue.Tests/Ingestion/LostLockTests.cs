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
/// An ingest that loses the catalogue lock stops before its next write: another holder may already be writing. The
/// test holds the ingest's first catalogue write (its first table batch) in the pipeline, breaks the lock's lease, and
/// lets the write go only once the ingest's token says the lock is lost (the lock finds out when it next renews).
/// </summary>
public sealed class LostLockTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Name = "001_88da988782738298.txt";

    [Fact]
    public async Task AnIngestThatLosesTheCatalogueLockWritesNothingMoreAndTheNextIngestCompletesTheVersion()
    {
        var firstBatch = new HoldFirstBatch();
        await using var services = await CatalogueServices.CreateAsync(fixture, ownContainers: true, replace: s => s.AddSingleton(
            new TableServiceClient(fixture.Azurite.ConnectionString, WithPolicy(new TableClientOptions(), firstBatch))));
        var store = services.GetRequiredService<PccStore>();
        var ingestor = services.GetRequiredService<BriefingIngestor>();
        await store.BriefingBlobs.CreateIfNotExistsAsync();
        var etag = IngestionPaths.Sanitise((await store.BriefingBlobs.GetBlobClient(Name).UploadAsync(
            BinaryData.FromBytes(File.ReadAllBytes(RepositoryRoot.Combine("seeds", Name))), overwrite: true)).Value.ETag.ToString());
        var slug = BriefingSlug.FromBlobName(Name);

        var ingest = ingestor.IngestAsync(Name, CancellationToken.None);
        await firstBatch.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        await store.Locks.GetBlobClient("ingest/catalogue").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingest);
        var stopped = await services.GetRequiredService<IngestionReceipts>().GetAsync(slug, etag, CancellationToken.None);
        Assert.Equal((IngestStatus.Pending, 1, 1, 1), (stopped!.Status, stopped.Attempts, stopped.AttemptsEnded, stopped.Version));
        Assert.Equal(0, await CountAsync(store.Changes));
        Assert.Equal(0, await CountAsync(store.CaseStudies));
        Assert.Equal(0, await CountAsync(store.BriefingVersions));

        var outcome = await ingestor.IngestAsync(Name, CancellationToken.None);

        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        Assert.Equal(1, outcome.Report!.Version);
        var completed = await services.GetRequiredService<IngestionReceipts>().GetAsync(slug, etag, CancellationToken.None);
        Assert.Equal((IngestStatus.Completed, 2, 2, 1), (completed!.Status, completed.Attempts, completed.AttemptsEnded, completed.Version));
        Assert.Equal(outcome.Report.Counts.CaseStudies, await CountAsync(store.CaseStudies));
        Assert.Equal(1, await CountAsync(store.BriefingVersions));
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
