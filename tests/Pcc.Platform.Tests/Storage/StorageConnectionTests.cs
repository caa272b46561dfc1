using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Platform.Storage;
using Pcc.Testing;

namespace Pcc.Platform.Tests.Storage;

public sealed class StorageConnectionTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public void NothingSetMeansTheEmulatorOnItsDefaultPorts()
    {
        var connection = StorageConnection.FromConfiguration(Configuration());

        Assert.Equal(StorageConnection.DevelopmentStorage, connection.ConnectionString);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", connection.BlobServiceUri.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", connection.QueueServiceUri.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", connection.TableServiceUri.AbsoluteUri.TrimEnd('/'));
        Assert.Null(connection.Credential);
    }

    [Fact]
    public void AnAccountKeyStringReachesTheAccountsPublicEndpoints()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(
            ("AzureWebJobsStorage", $"DefaultEndpointsProtocol=https;AccountName=pccstore;AccountKey={Azurite.AccountKey};EndpointSuffix=core.windows.net")));

        Assert.Equal("https://pccstore.blob.core.windows.net/", connection.BlobServiceUri.AbsoluteUri);
        Assert.Equal("https://pccstore.queue.core.windows.net/", connection.QueueServiceUri.AbsoluteUri);
        Assert.Equal("https://pccstore.table.core.windows.net/", connection.TableServiceUri.AbsoluteUri);
        Assert.Null(connection.Credential);
    }

    [Fact]
    public void AnAccountNameMeansThePublicEndpointsAndTheDefaultIdentity()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(("AzureWebJobsStorage:accountName", "pccstore")));

        Assert.Null(connection.ConnectionString);
        Assert.Equal("https://pccstore.blob.core.windows.net/", connection.BlobServiceUri.AbsoluteUri);
        Assert.Equal("https://pccstore.queue.core.windows.net/", connection.QueueServiceUri.AbsoluteUri);
        Assert.Equal("https://pccstore.table.core.windows.net/", connection.TableServiceUri.AbsoluteUri);
        Assert.IsType<DefaultAzureCredential>(connection.Credential);
        Assert.Equal("https://pccstore.blob.core.windows.net/briefings", connection.GetBlobContainerClient("briefings").Uri.AbsoluteUri);
        Assert.Equal("https://pccstore.queue.core.windows.net/ingest", connection.GetQueueClient("ingest").Uri.AbsoluteUri);
    }

    [Fact]
    public void ExplicitServiceUrisWithAUserAssignedManagedIdentity()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(
            ("Storage:blobServiceUri", "https://blobs.example.net"),
            ("Storage:queueServiceUri", "https://queues.example.net"),
            ("Storage:tableServiceUri", "https://tables.example.net"),
            ("Storage:credential", "managedidentity"),
            ("Storage:clientId", "00000000-0000-0000-0000-000000000001")), "Storage");

        Assert.Equal("https://blobs.example.net/", connection.BlobServiceUri.AbsoluteUri);
        Assert.Equal("https://queues.example.net/", connection.QueueServiceUri.AbsoluteUri);
        Assert.Equal("https://tables.example.net/", connection.TableServiceUri.AbsoluteUri);
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Equal("https://tables.example.net/", connection.CreateTableServiceClient().Uri.AbsoluteUri);
    }

    [Fact]
    public void TheRegisteredClientsUseTheIdentitySettingsEndpoints()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(("AzureWebJobsStorage:accountName", "pccstore")));
        using var services = new ServiceCollection().AddStorageClients(connection).BuildServiceProvider();

        Assert.Equal("https://pccstore.blob.core.windows.net/", services.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri);
        Assert.Equal("https://pccstore.table.core.windows.net/", services.GetRequiredService<TableServiceClient>().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task TheRegisteredClientsReachTheEmulatorWithoutSkippingItsVersionCheck()
    {
        var connection = StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString);
        using var services = new ServiceCollection().AddStorageClients(connection).BuildServiceProvider();
        var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(AzuriteFixture.UniqueName("v"));

        await container.CreateIfNotExistsAsync();

        Assert.True((await container.ExistsAsync()).Value);
    }

    [Fact]
    public void OnlySomeServiceUrisIsAnErrorNamingWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://blobs.example.net"))));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", error.Message);
    }

    [Fact]
    public void AMalformedConnectionStringIsRefused()
    {
        Assert.Throws<FormatException>(() => StorageConnection.FromConnectionString("AccountName=pccstore"));
    }

    [Fact]
    public async Task AnAccountKeyStringWithExplicitEndpointsReachesEveryService()
    {
        // The test emulator's connection string names its three endpoints explicitly, on free ports.
        var connection = StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString);
        var name = AzuriteFixture.UniqueName("c");

        var table = connection.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        var container = connection.GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("b").UploadAsync(BinaryData.FromString("hello"));
        var queue = connection.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello");

        Assert.Equal(fixture.Azurite.BlobEndpoint.AbsoluteUri.TrimEnd('/'), connection.BlobServiceUri.AbsoluteUri.TrimEnd('/'));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        Assert.Equal("hello", (await container.GetBlobClient("b").DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal("hello", (await queue.ReceiveMessageAsync()).Value.Body.ToString());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
