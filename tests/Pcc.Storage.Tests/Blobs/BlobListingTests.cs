using Pcc.Storage.Blobs.Models;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Blobs;

public sealed class BlobListingTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ListingInPagesOfThreeReturnsSevenBlobsOnceEachInThreePages()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var names = Enumerable.Range(1, 7).Select(i => $"briefings/{i:D2}.txt").ToList();
        foreach (var name in names)
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name));
        }

        var pages = new List<IReadOnlyList<BlobItem>>();
        await foreach (var page in container.GetBlobsAsync().AsPages(pageSizeHint: 3))
        {
            pages.Add(page.Values);
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(names, pages.SelectMany(p => p).Select(b => b.Name));
    }

    [Fact]
    public async Task ListingWithAPrefixReturnsOnlyMatchingBlobsWithProperties()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var uploaded = await container.GetBlobClient("2026/11/a.txt").UploadAsync(BinaryData.FromString("abc"),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } });
        await container.GetBlobClient("2026/12/b.txt").UploadAsync(BinaryData.FromString("b"));
        await container.GetBlobClient("2027/c.txt").UploadAsync(BinaryData.FromString("c"));

        var items = await container.GetBlobsAsync(prefix: "2026/11/").ToListAsync();

        var item = Assert.Single(items);
        Assert.Equal("2026/11/a.txt", item.Name);
        Assert.Equal(uploaded.Value.ETag, item.Properties.ETag);
        Assert.Equal(3, item.Properties.ContentLength);
        Assert.Equal("text/plain", item.Properties.ContentType);
        Assert.NotNull(item.Properties.CreatedOn);
        Assert.Equal(uploaded.Value.LastModified, item.Properties.LastModified);
        Assert.Empty(item.Metadata);
    }

    [Fact]
    public async Task ListingWithMetadataIncludesEachBlobsMetadata()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        await container.GetBlobClient("m.txt").UploadAsync(BinaryData.FromString("m"),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["status"] = "new" } });

        var item = Assert.Single(await container.GetBlobsAsync(BlobTraits.Metadata).ToListAsync());

        Assert.Equal("new", item.Metadata["status"]);
    }

    [Fact]
    public async Task AnEmptyContainerListsNothing()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);

        Assert.Empty(await container.GetBlobsAsync().ToListAsync());
    }
}
