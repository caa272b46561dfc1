using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Attempts;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Ingestion;

/// <summary>
/// An ingest saves round trips by writing from what it last read: a receipt copy that another attempt has overtaken
/// loses nothing (both attempts are counted), and a plan and its text summary written together always agree, whichever
/// attempt wrote the plan first.
/// </summary>
public sealed class ReceiptAndReportWriteTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnOvertakenReceiptCopyCostsARereadAndLosesNoAttempt()
    {
        var services = await CatalogueServices.CreateAsync(fixture);
        var receipts = services.GetRequiredService<IngestionReceipts>();
        var first = await receipts.UpdateAsync("briefing", "0x1", () => NewReceipt("0x1"), r => r.Attempts++, new StoredReceipt(null), default);
        var stale = await receipts.GetAsync("briefing", "0x1", default);

        // Another attempt counts itself meanwhile; this one then writes from its older copy.
        await receipts.UpdateAsync("briefing", "0x1", null, r => r.Attempts++, new StoredReceipt(first), default);
        var written = await receipts.UpdateAsync("briefing", "0x1", null, r => r.Attempts++, new StoredReceipt(stale), default);

        Assert.Equal(3, written.Attempts);
        Assert.Equal(3, (await receipts.GetAsync("briefing", "0x1", default))!.Attempts);
    }

    [Fact]
    public async Task AReceiptBelievedMissingButWrittenMeanwhileIsUpdatedNotReplaced()
    {
        var services = await CatalogueServices.CreateAsync(fixture);
        var receipts = services.GetRequiredService<IngestionReceipts>();
        await receipts.UpdateAsync("briefing", "0x2", () => NewReceipt("0x2"), r => r.Attempts++, default);

        var written = await receipts.UpdateAsync("briefing", "0x2", () => NewReceipt("0x2"), r => r.Attempts++, new StoredReceipt(null), default);

        Assert.Equal(2, written.Attempts);
    }

    [Fact]
    public async Task ThePlanThatStandsIsTheOneItsSummaryDescribes()
    {
        var services = await CatalogueServices.CreateAsync(fixture, ownContainers: true);
        var reports = services.GetRequiredService<IngestionReports>();
        var store = services.GetRequiredService<PccStore>();
        await store.EnsureCreatedAsync(default);
        var path = IngestionPaths.Report("briefing", DateTimeOffset.UtcNow, "0x3");

        await reports.SaveAsync(path, Report("Public safety, public trust"), default);
        var later = await reports.SaveAsync(path, Report("A title read differently"), default);

        Assert.Equal("Public safety, public trust", later.Title);
        Assert.Equal("Public safety, public trust", (await reports.LoadAsync(path, default))!.Title);
        var summary = (await store.Reports.GetBlobClient(IngestionPaths.Summary(path)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Public safety, public trust", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("A title read differently", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVersionDeliveredAgainAfterItsIngestLeavesTheCatalogueLockFree()
    {
        var services = await CatalogueServices.CreateAsync(fixture, ownContainers: true);
        var store = services.GetRequiredService<PccStore>();
        var ingestor = services.GetRequiredService<BriefingIngestor>();
        await store.BriefingBlobs.CreateIfNotExistsAsync();
        var seed = await File.ReadAllBytesAsync(RepositoryRoot.Combine("seeds", "001_88da988782738298.txt"));
        var uploaded = await store.BriefingBlobs.GetBlobClient("again.txt").UploadAsync(BinaryData.FromBytes(seed));
        Assert.Equal(IngestStatus.Ingested, (await ingestor.IngestAsync("again.txt", default)).Status);

        // The repeated delivery asks for the lock while it reads the receipt, then finds the version done.
        var again = await ingestor.IngestAsync("again.txt", default);

        Assert.Equal(IngestStatus.Duplicate, again.Status);
        // Given back at once, not left to run out a minute later: taken here without waiting.
        await using var free = await CatalogueLock.AcquireAsync(store, TimeSpan.Zero, default);
        var receipt = await services.GetRequiredService<IngestionReceipts>().GetAsync("again", IngestionPaths.Sanitise(uploaded.Value.ETag.ToString()), default);
        Assert.Equal((IngestStatus.Completed, 1, 1), (receipt!.Status, receipt.Attempts, receipt.AttemptsEnded));
    }

    private static IngestionEntity NewReceipt(string etag) => new() { PartitionKey = "briefing", RowKey = etag, BlobName = "briefing.txt", Status = IngestStatus.Pending };

    private static IngestionReport Report(string title) => new()
    {
        BlobName = "briefing.txt",
        Slug = "briefing",
        Etag = "0x3",
        Version = 1,
        IngestedAt = DateTimeOffset.UtcNow,
        Status = IngestStatus.Ingested,
        Title = title,
    };
}
