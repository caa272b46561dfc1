using Microsoft.Extensions.Configuration;
using Pcc.Storage.Blobs;
using Pcc.Storage.Queues;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Connections;

public sealed class ConnectionEndToEndTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnAccountKeyStringWithExplicitEndpointsReachesBlobStorage()
    {
        var container = new BlobContainerClient(fixture.Azurite.ConnectionString, AzuriteFixture.UniqueName("b"));
        await container.CreateIfNotExistsAsync();

        await container.GetBlobClient("hello.txt").UploadAsync(BinaryData.FromString("hello"));

        Assert.Equal("hello", (await container.GetBlobClient("hello.txt").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task AnAccountKeyStringWithExplicitEndpointsReachesQueueStorage()
    {
        var queue = new QueueClient(fixture.Azurite.ConnectionString, AzuriteFixture.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("hello");

        Assert.Equal("hello", (await queue.ReceiveMessageAsync()).Value?.MessageText);
    }

    [Fact]
    public async Task AnAccountFromConfigurationHandsOutWorkingClients()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("AzureWebJobsStorage", fixture.Azurite.ConnectionString)])
            .Build();
        var account = StorageAccount.FromConfiguration(configuration);
        var container = account.GetBlobContainerClient(AzuriteFixture.UniqueName("b"));
        var queue = account.GetQueueClient(AzuriteFixture.UniqueName("q"));

        Assert.NotNull(await container.CreateIfNotExistsAsync());
        Assert.NotNull(await queue.CreateIfNotExistsAsync());
        Assert.True((await container.ExistsAsync()).Value);
        Assert.True((await queue.ExistsAsync()).Value);
    }
}
