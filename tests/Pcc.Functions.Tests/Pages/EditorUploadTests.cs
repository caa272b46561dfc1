using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Ingestion.Uploads;
using Pcc.Catalogue.Storage;
using Pcc.Functions.Pages.Editor;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Pages;

public sealed class EditorUploadTests
{
    [Fact]
    public async Task AnUploadIsWrittenToTheBriefingsContainerAndItsIngestReportListsTwentyCaseStudies()
    {
        await using var services = await HostlessApp.CreateAsync();
        var uploads = services.GetRequiredService<BriefingUploads>();

        var upload = await uploads.UploadAsync(SeedBriefing.Name, new MemoryStream(SeedBriefing.Bytes), SeedBriefing.Bytes.Length, null, CancellationToken.None);
        Assert.Null(upload.Error);
        var blob = (await services.Store.BriefingBlobs.GetBlobClient(SeedBriefing.Name).DownloadContentAsync()).Value;
        Assert.Equal(SeedBriefing.Bytes, blob.Content.ToArray());

        var log = services.GetRequiredService<IngestLog>();
        Assert.Null(await log.FindAsync(upload.Slug!, upload.Etag!, CancellationToken.None));
        await services.GetRequiredService<Pcc.Catalogue.Ingestion.BriefingIngestor>().IngestAsync(upload.BlobName!, CancellationToken.None);

        var ingest = await log.FindAsync(upload.Slug!, upload.Etag!, CancellationToken.None);
        Assert.Equal(IngestStatus.Completed, ingest!.Status);
        var report = await log.ReportAsync(ingest, CancellationToken.None);
        Assert.Equal(20, report!.Counts.CaseStudies);
        Assert.Equal(20, report.New.Count);
        Assert.Equal(ingest.RowKey, Assert.Single(await log.RecentAsync(10, CancellationToken.None)).RowKey);
    }

    [Fact]
    public async Task AnEmptyOrNamelessUploadIsRefusedAndNothingIsWritten()
    {
        await using var services = await HostlessApp.CreateAsync();
        var uploads = services.GetRequiredService<BriefingUploads>();

        var empty = await uploads.UploadAsync("empty.txt", new MemoryStream(), 0, null, CancellationToken.None);
        var nameless = await uploads.UploadAsync("../", new MemoryStream([1]), 1, null, CancellationToken.None);

        Assert.Equal("empty.txt is empty.", empty.Error);
        Assert.Equal("Choose a briefing file to upload.", nameless.Error);
        await services.Store.EnsureCreatedAsync();
        await foreach (var _ in services.Store.BriefingBlobs.GetBlobsAsync())
        {
            Assert.Fail("Nothing should have been written.");
        }
    }

    [Theory]
    [InlineData(@"C:\Users\ed\Briefings\Public Safety (v2).pdf", "Public-Safety--v2-.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("résumé.docx", "r-sum-.docx")]
    public void AnUploadIsStoredUnderItsOwnFileNameWithoutFoldersOrOddCharacters(string fileName, string blobName) =>
        Assert.Equal(blobName, BriefingUploads.BlobNameFor(fileName));
}
