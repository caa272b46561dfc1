using Pcc.Storage.Queues;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Queues;

public sealed class QueueLifecycleTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CreatingAQueueTwiceCreatesItOnce()
    {
        var queue = new QueueClient(fixture.Azurite.ConnectionString, AzuriteFixture.UniqueName("q"));
        Assert.False((await queue.ExistsAsync()).Value);

        var created = await queue.CreateIfNotExistsAsync();
        var again = await queue.CreateIfNotExistsAsync();

        Assert.NotNull(created);
        Assert.Null(again);
        Assert.True((await queue.ExistsAsync()).Value);
    }

    [Fact]
    public async Task DeletingAQueueRemovesItAndDeletingAgainReportsFalse()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);

        Assert.True((await queue.DeleteIfExistsAsync()).Value);
        Assert.False((await queue.ExistsAsync()).Value);
        Assert.False((await queue.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task PropertiesCountTheMessagesAndReturnTheMetadata()
    {
        var queue = QueueTestQueue.Client(fixture, AzuriteFixture.UniqueName("q"));
        await queue.CreateIfNotExistsAsync(new Dictionary<string, string> { ["purpose"] = "ingest" });
        await queue.SendMessageAsync("one");
        await queue.SendMessageAsync("two");

        var properties = (await queue.GetPropertiesAsync()).Value;

        Assert.Equal(2, properties.ApproximateMessagesCount);
        Assert.Equal("ingest", properties.Metadata["purpose"]);
    }

    [Fact]
    public void TheQueueNameComesFromItsUri()
    {
        var queue = new QueueClient(new Uri("http://127.0.0.1:10001/devstoreaccount1/briefings-in/"),
            new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));

        Assert.Equal("briefings-in", queue.Name);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1/briefings-in", queue.Uri.AbsoluteUri);
    }
}
