using Pcc.Storage.Blobs;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Blobs;

public sealed class BlobContainerClientTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CreatingAContainerTwiceCreatesItOnce()
    {
        var container = new BlobContainerClient(fixture.Azurite.ConnectionString, AzuriteFixture.UniqueName("b"));
        Assert.False((await container.ExistsAsync()).Value);

        var created = await container.CreateIfNotExistsAsync();
        var again = await container.CreateIfNotExistsAsync();

        Assert.NotNull(created);
        Assert.NotEqual(default, created.Value.ETag);
        Assert.Null(again);
        Assert.True((await container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task DeletingAContainerRemovesItAndDeletingAgainReportsFalse()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);

        Assert.True((await container.DeleteIfExistsAsync()).Value);
        Assert.False((await container.ExistsAsync()).Value);
        Assert.False((await container.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task TheContainerNameComesFromItsUri()
    {
        var container = new BlobContainerClient(
            new Uri($"{fixture.Azurite.BlobEndpoint}/briefings/"), new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));

        Assert.Equal("briefings", container.Name);
        Assert.Equal($"{fixture.Azurite.BlobEndpoint}/briefings", container.Uri.AbsoluteUri);
        Assert.Equal($"{fixture.Azurite.BlobEndpoint}/briefings/2026/a%20b.txt", container.GetBlobClient("2026/a b.txt").Uri.AbsoluteUri);
    }
}
