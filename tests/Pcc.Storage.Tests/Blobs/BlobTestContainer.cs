using Pcc.Storage.Blobs;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Blobs;

/// <summary>Creates a fresh container per test on the run's Azurite.</summary>
internal static class BlobTestContainer
{
    public static async Task<BlobContainerClient> CreateAsync(AzuriteFixture fixture)
    {
        var container = new BlobContainerClient(
            new Uri($"{fixture.Azurite.BlobEndpoint}/{AzuriteFixture.UniqueName("b")}"),
            new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));
        await container.CreateIfNotExistsAsync();
        return container;
    }
}
