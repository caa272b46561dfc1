using Pcc.Testing;

namespace Pcc.Storage.Tests.Blobs;

public sealed class BlobNameTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string> AwkwardNames =>
    [
        "a b.txt",
        "nested/a/b/c.txt",
        "hash#tag.txt",
        "question?mark=1&x.txt",
        "percent%20literal%.txt",
        "plus+sign.txt",
        "unicode/Zürich – café ☕ 東京.txt",
        "quote's \"double\" [brackets] {braces}.txt",
        "semi;colon,comma@at$dollar!bang*star(paren).txt",
        "tilde~under_score-dash.txt",
        "trailing space .txt",
    ];

    [Theory]
    [MemberData(nameof(AwkwardNames))]
    public async Task AwkwardNamesRoundTripThroughUploadDownloadListAndDelete(string name)
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient(name);

        await blob.UploadAsync(BinaryData.FromString(name));
        var downloaded = await blob.DownloadContentAsync();
        var listed = Assert.Single(await container.GetBlobsAsync().ToListAsync());
        var deleted = await blob.DeleteIfExistsAsync();

        Assert.Equal(name, downloaded.Value.Content.ToString());
        Assert.Equal(name, listed.Name);
        Assert.Equal(name, blob.Name);
        Assert.True(deleted.Value);
    }

    [Fact]
    public void NestedNamesKeepTheirSlashesAndEscapeEverythingElse()
    {
        var container = new Pcc.Storage.Blobs.BlobContainerClient(
            new Uri("http://127.0.0.1:10000/devstoreaccount1/briefings"), new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));

        var blob = container.GetBlobClient("2026/a b#c?d%e.txt");

        Assert.Equal("/devstoreaccount1/briefings/2026/a%20b%23c%3Fd%25e.txt", blob.Uri.AbsolutePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/../b.txt")]
    [InlineData("./b.txt")]
    public void NamesURLsCannotCarryAreRefused(string name)
    {
        var container = new Pcc.Storage.Blobs.BlobContainerClient(
            new Uri("http://127.0.0.1:10000/devstoreaccount1/briefings"), new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));

        Assert.Throws<ArgumentException>(() => container.GetBlobClient(name));
    }
}
