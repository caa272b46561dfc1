using Pcc.Storage.Blobs.Models;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Blobs;

public sealed class BlobMetadataTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("1st")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    [InlineData("dotted.name")]
    [InlineData("")]
    public async Task MetadataNamesThatAreNotCSharpIdentifiersAreRefusedBeforeSending(string name)
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("m.txt");
        var metadata = new Dictionary<string, string> { [name] = "x" };

        var upload = await Assert.ThrowsAsync<ArgumentException>(() => blob.UploadAsync(BinaryData.FromString("x"), new BlobUploadOptions { Metadata = metadata }));
        var set = await Assert.ThrowsAsync<ArgumentException>(() => blob.SetMetadataAsync(metadata));

        Assert.Contains($"'{name}'", upload.Message);
        Assert.Contains("C# identifier", set.Message);
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task MetadataValuesMustBePrintableAscii()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var metadata = new Dictionary<string, string> { ["title"] = "Zürich" };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => container.GetBlobClient("m.txt").SetMetadataAsync(metadata));

        Assert.Contains("'title'", ex.Message);
    }

    [Fact]
    public async Task IdentifierNamesWithUnderscoresAndDigitsAreAccepted()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("m.txt");

        await blob.UploadAsync(BinaryData.FromString("x"), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["_private"] = "a", ["page2"] = "b", ["Title"] = "Hello, world" },
        });
        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;

        Assert.Equal(("a", "b", "Hello, world"), (metadata["_private"], metadata["page2"], metadata["title"]));
    }

    [Fact]
    public async Task ContentOverTheUploadLimitIsRefusedBeforeSending()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("big.bin");
        var tooBig = new BinaryData(new byte[Pcc.Storage.Blobs.BlobClient.MaxUploadBytes + 1]);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => blob.UploadAsync(tooBig, overwrite: true));

        Assert.Contains("256 MiB", ex.Message);
        Assert.False((await blob.ExistsAsync()).Value);
    }
}
