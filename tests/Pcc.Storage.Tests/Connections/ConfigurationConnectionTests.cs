using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Pcc.Storage.Tests.Connections;

public sealed class ConfigurationConnectionTests
{
    [Fact]
    public void AMissingConnectionMeansDevelopmentStorage()
    {
        var account = StorageAccount.FromConfiguration(Configuration());

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", account.BlobEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", account.QueueEndpoint.AbsoluteUri);
        Assert.Equal("devstoreaccount1", account.SharedKeyCredential?.AccountName);
        Assert.Null(account.TokenCredential);
    }

    [Fact]
    public void AConnectionStringUnderTheNameIsUsed()
    {
        var account = StorageAccount.FromConfiguration(Configuration(("AzureWebJobsStorage", "AccountName=pccstore;AccountKey=a2V5")));

        Assert.Equal("https://pccstore.blob.core.windows.net/", account.BlobEndpoint.AbsoluteUri);
        Assert.Equal("pccstore", account.SharedKeyCredential?.AccountName);
    }

    [Fact]
    public void AnAccountNameMeansTheAccountsPublicEndpointsAndAnIdentity()
    {
        var account = StorageAccount.FromConfiguration(Configuration(("AzureWebJobsStorage:accountName", "pccstore")));

        Assert.Equal("https://pccstore.blob.core.windows.net/", account.BlobEndpoint.AbsoluteUri);
        Assert.Equal("https://pccstore.queue.core.windows.net/", account.QueueEndpoint.AbsoluteUri);
        Assert.Equal("https://pccstore.table.core.windows.net/", account.TableEndpoint.AbsoluteUri);
        Assert.IsType<DefaultAzureCredential>(account.TokenCredential);
        Assert.Null(account.SharedKeyCredential);
    }

    [Fact]
    public void ExplicitServiceUrisWinAndManagedIdentityCanBeChosen()
    {
        var account = StorageAccount.FromConfiguration(Configuration(
            ("Storage:blobServiceUri", "https://blobs.example.net"),
            ("Storage:queueServiceUri", "https://queues.example.net"),
            ("Storage:tableServiceUri", "https://tables.example.net"),
            ("Storage:credential", "managedidentity"),
            ("Storage:clientId", "00000000-0000-0000-0000-000000000001")), "Storage");

        Assert.Equal("https://blobs.example.net/", account.BlobEndpoint.AbsoluteUri);
        Assert.Equal("https://queues.example.net/", account.QueueEndpoint.AbsoluteUri);
        Assert.Equal("https://tables.example.net/", account.TableEndpoint.AbsoluteUri);
        Assert.IsType<ManagedIdentityCredential>(account.TokenCredential);
    }

    [Fact]
    public void IdentityAccountsHandOutClientsForTheirEndpoints()
    {
        var account = StorageAccount.FromConfiguration(Configuration(("AzureWebJobsStorage:accountName", "pccstore")));

        var container = account.GetBlobContainerClient("briefings");
        var queue = account.GetQueueClient("ingest");

        Assert.Equal("https://pccstore.blob.core.windows.net/briefings", container.Uri.AbsoluteUri);
        Assert.Equal("https://pccstore.queue.core.windows.net/ingest", queue.Uri.AbsoluteUri);
    }

    [Fact]
    public void OnlySomeServiceUrisIsAnError()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://blobs.example.net"))));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", ex.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
