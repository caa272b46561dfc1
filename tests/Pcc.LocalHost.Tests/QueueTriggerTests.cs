using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Notifications.Storage;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

/// <summary>Queue triggers polled the way the Functions host polls them: delete on success, retry, poison after five deliveries.</summary>
public sealed class QueueTriggerTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AQueueMessageRunsItsFunctionOnceWithItsTextAndMetadataAndIsDeleted()
    {
        var (test, queue, poison, _) = await StartAsync(failFirst: 0);
        await using (test)
        {
            await queue.SendMessageAsync("{\"batch\":\"b-00001\"}");

            var invocation = Assert.Single(await test.Log.WaitForAsync("Flaky", 1));
            await TestHost.EventuallyAsync(async () => (await queue.PeekMessagesAsync()).Value.Length, n => n == 0, "the message deleted");
            await Task.Delay(600);

            Assert.Single(test.Log.Of("Flaky"));
            Assert.Equal("{\"batch\":\"b-00001\"}", invocation.GetDataString("message"));
            Assert.Equal("1", invocation.GetMetadataString("DequeueCount"));
            Assert.False(await poison.ExistsAsync());
        }
    }

    [Fact]
    public async Task AFailedDeliveryComesBackAndSucceedsWithoutAPoisonMessage()
    {
        var (test, queue, poison, _) = await StartAsync(failFirst: 2);
        await using (test)
        {
            await queue.SendMessageAsync("retry me");

            var invocations = await test.Log.WaitForAsync("Flaky", 3);
            await TestHost.EventuallyAsync(async () => (await queue.PeekMessagesAsync()).Value.Length, n => n == 0, "the message deleted");
            await Task.Delay(600);

            Assert.Equal(["1", "2", "3"], test.Log.Of("Flaky").Select(i => i.GetMetadataString("DequeueCount")));
            Assert.False(await poison.ExistsAsync());
        }
    }

    [Fact]
    public async Task AMessageThatFailsFiveDeliveriesMovesToThePoisonQueueUnchanged()
    {
        var (test, queue, poison, _) = await StartAsync(failFirst: 100);
        await using (test)
        {
            var outcomes = new List<QueueTriggerOutcome>();
            test.Host.QueueProcessed += o => { lock (outcomes) { outcomes.Add(o); } };
            await queue.SendMessageAsync("never works");

            var poisoned = await TestHost.EventuallyAsync(async () => await poison.ExistsAsync() ? (await poison.PeekMessagesAsync(10)).Value : [], m => m.Length > 0, "a poison message");
            await Task.Delay(800);

            Assert.Equal(5, test.Log.Of("Flaky").Count);
            Assert.Equal("never works", Assert.Single(poisoned).Body.ToString());
            Assert.Empty((await queue.PeekMessagesAsync()).Value);
            lock (outcomes)
            {
                Assert.Equal([false, false, false, false, true], outcomes.Select(o => o.Poisoned));
            }
        }
    }

    [Fact]
    public async Task AMessageThatIsNotBase64GoesToThePoisonQueueWithoutRunningTheFunction()
    {
        var (test, _, poison, name) = await StartAsync(failFirst: 0);
        await using (test)
        {
            var raw = test.Host.Storage.CreateQueueServiceClient(StorageConnection.QueueOptions(QueueMessageEncoding.None)).GetQueueClient(name);
            await raw.SendMessageAsync("not base64 {");

            var poisonRaw = test.Host.Storage.CreateQueueServiceClient(StorageConnection.QueueOptions(QueueMessageEncoding.None)).GetQueueClient(poison.Name);
            var poisoned = await TestHost.EventuallyAsync(async () => await poisonRaw.ExistsAsync() ? (await poisonRaw.PeekMessagesAsync(10)).Value : [], m => m.Length > 0, "a poison message");

            Assert.Equal("not base64 {", Assert.Single(poisoned).Body.ToString());
            Assert.Empty(test.Log.Of("Flaky"));
            Assert.Empty((await raw.PeekMessagesAsync()).Value);
        }
    }

    private async Task<(TestHost Test, QueueClient Queue, QueueClient Poison, string Name)> StartAsync(int failFirst)
    {
        var name = "flaky-" + Guid.NewGuid().ToString("N")[..12];
        var failures = new FlakyFunction.Failures(failFirst);
        var test = await TestHost.StartAsync(fixture.Azurite, o =>
        {
            o.Settings["FlakyQueue"] = name;
            var configure = o.ConfigureApp;
            o.ConfigureApp = b =>
            {
                configure?.Invoke(b);
                b.Services.AddSingleton(failures);
            };
        }, FunctionDefinitions.Queue<FlakyFunction>("Flaky", "%FlakyQueue%"));
        var queues = test.Host.Storage.CreateQueueServiceClient();
        var queue = queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return (test, queue, queues.GetQueueClient(name + "-poison"), name);
    }
}
