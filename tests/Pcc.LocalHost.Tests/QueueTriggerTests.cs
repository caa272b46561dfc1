using Azure.Storage.Queues;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Platform.Storage;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

/// <summary>
/// Queue triggers of the test worker, polled the way the Functions host polls them: the text and metadata reach the
/// function, a message is deleted on success, delivered again on failure, and moved to <c>{queue}-poison</c> after five.
/// </summary>
public sealed class QueueTriggerTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AQueueMessageRunsItsFunctionOnceWithItsTextAndIsDeleted()
    {
        var (test, queue, poison) = await StartAsync();
        await using (test)
        {
            var outcomes = Outcomes(test);
            var id = (await queue.SendMessageAsync("{\"batch\":\"b-00001\"}")).Value.MessageId;

            await LastOutcomeAsync(outcomes, id);
            var text = await test.ResultAsync($"queue-{id}-1");

            Assert.Empty((await queue.PeekMessagesAsync()).Value);
            Assert.Equal("{\"batch\":\"b-00001\"}", text);
            Assert.Equal([$"queue-{id}-1"], await test.ResultNamesAsync("queue-"));
            Assert.False(await poison.ExistsAsync());
        }
    }

    [Fact]
    public async Task AFailedDeliveryComesBackAndSucceedsWithoutAPoisonMessage()
    {
        var (test, queue, poison) = await StartAsync();
        await using (test)
        {
            var outcomes = Outcomes(test);
            var id = (await queue.SendMessageAsync("fail:2")).Value.MessageId;

            await LastOutcomeAsync(outcomes, id);

            Assert.Empty((await queue.PeekMessagesAsync()).Value);
            Assert.Equal([$"queue-{id}-1", $"queue-{id}-2", $"queue-{id}-3"], (await test.ResultNamesAsync("queue-")).Order());
            Assert.False(await poison.ExistsAsync());
        }
    }

    [Fact]
    public async Task AMessageThatFailsFiveDeliveriesMovesToThePoisonQueueUnchanged()
    {
        var (test, queue, poison) = await StartAsync();
        await using (test)
        {
            var outcomes = Outcomes(test);
            var id = (await queue.SendMessageAsync("fail:100")).Value.MessageId;

            await LastOutcomeAsync(outcomes, id);
            var poisoned = (await poison.PeekMessagesAsync(10)).Value;

            Assert.Equal("fail:100", Assert.Single(poisoned).Body.ToString());
            Assert.Equal(Enumerable.Range(1, 5).Select(n => $"queue-{id}-{n}"), (await test.ResultNamesAsync("queue-")).Order());
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
        var (test, queue, _) = await StartAsync();
        await using (test)
        {
            var raw = test.Host.Storage.CreateQueueServiceClient(StorageConnection.QueueOptions(QueueMessageEncoding.None));
            await raw.GetQueueClient(queue.Name).SendMessageAsync("not base64 {");
            var poisonRaw = raw.GetQueueClient(queue.Name + "-poison");

            var poisoned = await Eventually.Async(async () => await poisonRaw.ExistsAsync() ? (await poisonRaw.PeekMessagesAsync(10)).Value : [], m => m.Length > 0, "a poison message");

            // The original is deleted after its copy is on the poison queue: wait for that too.
            await Eventually.Async(async () => (await queue.PeekMessagesAsync()).Value.Length, n => n == 0, "the original deleted");

            Assert.Equal("not base64 {", Assert.Single(poisoned).Body.ToString());
            Assert.Empty(await test.ResultNamesAsync("queue-"));
        }
    }

    private static List<QueueTriggerOutcome> Outcomes(TestHost test)
    {
        var outcomes = new List<QueueTriggerOutcome>();
        test.Host.QueueProcessed += o => { lock (outcomes) { outcomes.Add(o); } };
        return outcomes;
    }

    /// <summary>
    /// Waits for the delivery of message <paramref name="id"/> that ended it (deleted after a success, or moved to the
    /// poison queue): the host reports it after both, and a message that is gone is not delivered again.
    /// </summary>
    private static Task<QueueTriggerOutcome?> LastOutcomeAsync(List<QueueTriggerOutcome> outcomes, string id) =>
        Eventually.Async(
            () => { lock (outcomes) { return Task.FromResult(outcomes.LastOrDefault(o => o.MessageId == id && (o.Succeeded || o.Poisoned))); } },
            o => o is not null, $"message {id} deleted or poisoned");

    private async Task<(TestHost Test, QueueClient Queue, QueueClient Poison)> StartAsync()
    {
        var test = await TestHost.StartWorkerAsync(fixture.Azurite);
        var queues = test.Host.Storage.CreateQueueServiceClient();
        var queue = queues.GetQueueClient("queue-" + test.Id);
        await queue.CreateIfNotExistsAsync();
        return (test, queue, queues.GetQueueClient(queue.Name + "-poison"));
    }
}
