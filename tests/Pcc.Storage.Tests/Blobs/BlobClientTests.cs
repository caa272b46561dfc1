using Azure;
using Pcc.Storage.Blobs;
using Pcc.Storage.Blobs.Models;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Blobs;

public sealed class BlobClientTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnUploadedBlobDownloadsWithItsContentTypeMetadataAndETag()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("briefing.txt");

        var uploaded = await blob.UploadAsync(BinaryData.FromString("hello world!"), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
            Metadata = new Dictionary<string, string> { ["Author"] = "pcc", ["source_id"] = "42" },
        });
        var downloaded = await blob.DownloadContentAsync();

        Assert.Equal("hello world!", downloaded.Value.Content.ToString());
        Assert.Equal("text/plain; charset=utf-8", downloaded.Value.Details.ContentType);
        Assert.Equal(12, downloaded.Value.Details.ContentLength);
        Assert.Equal(uploaded.Value.ETag, downloaded.Value.Details.ETag);
        Assert.Equal("pcc", downloaded.Value.Details.Metadata["author"]);
        Assert.Equal("42", downloaded.Value.Details.Metadata["source_id"]);
        Assert.True(uploaded.Value.LastModified > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task PropertiesReportSizeTypeMetadataCreationAndLeaseState()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("p.json");
        var uploaded = await blob.UploadAsync(BinaryData.FromString("{}"), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { ["kind"] = "test" },
        });

        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal(uploaded.Value.ETag, properties.ETag);
        Assert.Equal(2, properties.ContentLength);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal("test", properties.Metadata["kind"]);
        Assert.NotEqual(default, properties.CreatedOn);
        Assert.Equal(uploaded.Value.LastModified, properties.LastModified);
        Assert.Equal(LeaseState.Available, properties.LeaseState);
        Assert.Equal(LeaseStatus.Unlocked, properties.LeaseStatus);
    }

    [Fact]
    public async Task UploadingCreateOnlyTwiceFailsTheSecondTimeWithBlobAlreadyExists()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("once.txt");
        var createOnly = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };

        await blob.UploadAsync(BinaryData.FromString("first"), createOnly);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second"), createOnly));

        Assert.Equal(409, ex.Status);
        Assert.Equal("BlobAlreadyExists", ex.ErrorCode);
        Assert.Equal("first", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadWithoutOverwriteKeepsTheExistingBlob()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("keep.txt");

        await blob.UploadAsync(BinaryData.FromString("first"));
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second")));
        await blob.UploadAsync(BinaryData.FromString("third"), overwrite: true);

        Assert.Equal(409, ex.Status);
        Assert.Equal("third", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task OverwritingWithTheCurrentETagSucceedsAndWithAStaleOneFailsWith412()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("etag.txt");
        var first = await blob.UploadAsync(BinaryData.FromString("v1"));

        var second = await blob.UploadAsync(BinaryData.FromString("v2"),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } });
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v3"),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } }));

        Assert.NotEqual(first.Value.ETag, second.Value.ETag);
        Assert.Equal(412, ex.Status);
        Assert.Equal("ConditionNotMet", ex.ErrorCode);
        Assert.Equal("v2", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task DownloadingWithAStaleETagFailsWith412()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("stale.txt");
        var first = await blob.UploadAsync(BinaryData.FromString("v1"));
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync(new BlobRequestConditions { IfMatch = first.Value.ETag }));

        Assert.Equal(412, ex.Status);
    }

    [Fact]
    public async Task AnEmptyBlobRoundTrips()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("empty");

        await blob.UploadAsync(BinaryData.Empty);
        var downloaded = await blob.DownloadContentAsync();

        Assert.Equal(0, downloaded.Value.Content.ToMemory().Length);
        Assert.Equal("application/octet-stream", downloaded.Value.Details.ContentType);
    }

    [Fact]
    public async Task DeletingABlobRemovesItAndDeletingAgainReportsFalse()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("gone.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));

        Assert.True((await blob.ExistsAsync()).Value);
        Assert.True((await blob.DeleteIfExistsAsync()).Value);
        Assert.False((await blob.ExistsAsync()).Value);
        Assert.False((await blob.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task DeletingWithAStaleETagFailsAndKeepsTheBlob()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("guarded.txt");
        var first = await blob.UploadAsync(BinaryData.FromString("v1"));
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteIfExistsAsync(new BlobRequestConditions { IfMatch = first.Value.ETag }));

        Assert.Equal(412, ex.Status);
        Assert.True((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task SettingMetadataReplacesItAndChangesTheETag()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("meta.txt");
        var uploaded = await blob.UploadAsync(BinaryData.FromString("x"), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["old"] = "1" },
        });

        var set = await blob.SetMetadataAsync(new Dictionary<string, string> { ["status"] = "ingested", ["pages"] = "12" });
        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.NotEqual(uploaded.Value.ETag, set.Value.ETag);
        Assert.Equal(set.Value.ETag, properties.ETag);
        Assert.Equal(2, properties.Metadata.Count);
        Assert.Equal("ingested", properties.Metadata["status"]);
        Assert.False(properties.Metadata.ContainsKey("old"));
    }

    [Fact]
    public async Task MissingBlobsFailWith404BlobNotFound()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("missing.txt");

        var download = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync());
        var properties = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetPropertiesAsync());

        Assert.Equal((404, "BlobNotFound"), (download.Status, download.ErrorCode));
        Assert.Equal((404, "BlobNotFound"), (properties.Status, properties.ErrorCode));
    }
}
