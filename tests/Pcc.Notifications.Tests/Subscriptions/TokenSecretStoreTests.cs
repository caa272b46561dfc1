using Azure;
using Azure.Storage.Blobs.Models;
using Pcc.Platform.Storage;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;

namespace Pcc.Notifications.Tests.Subscriptions;

public sealed class TokenSecretStoreTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task InstancesStartingTogetherAgreeOnOneGeneratedSecretAndNeverReplaceIt()
    {
        var container = StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("secrets"));

        var keys = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new TokenSecretStore(container, null).GetAsync()));
        var later = await new TokenSecretStore(container, null).GetAsync();

        Assert.All(keys, k => Assert.Equal(keys[0], k));
        Assert.Equal(keys[0], later);
        Assert.Equal(32, later.Length);
    }

    [Fact]
    public async Task ACreateOnlyWriteOverAnExistingBlobIsRefusedWith409()
    {
        var container = StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("secrets"));
        var stored = await new TokenSecretStore(container, null).GetAsync();
        var blob = container.GetBlobClient(TokenSecretStore.BlobName);

        var createOnly = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("other"), createOnly));

        Assert.Equal(409, error.Status);
        Assert.Equal(Convert.ToBase64String(stored), (await blob.DownloadContentAsync()).Value.Content.ToString());
    }
}
