using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Pcc.LocalHost.Payloads;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

/// <summary>
/// The host cancels invocations as the Functions host does: <c>InvocationCancel</c> when <c>functionTimeout</c> passes
/// (the invocation fails as timed out, so a queue message takes its retry path), and when the host stops (in-flight
/// invocations are cancelled and their answers awaited before the worker is terminated). The test worker's Linger
/// function waits on its cancellation token and records that it saw it.
/// </summary>
public sealed class CancellationTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task AnInvocationThatOutrunsTheFunctionTimeoutIsCancelledAndFailsAsTimedOut()
    {
        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite, o => o.FunctionTimeout = s_timeout);
        var message = QueuesModelFactory.QueueMessage("m-" + test.Id, "receipt", BinaryData.FromString("linger:1"), dequeueCount: 1);

        var result = await test.Host.Worker.InvokeAsync("Linger", r => QueueTriggerInput.Fill(r, "message", message), retryOnCrash: false, CancellationToken.None);
        var cancelled = await Eventually.Async(() => test.ResultAsync($"linger-m-{test.Id}-1-cancelled"), text => text is not null, "the function to see its cancellation");

        Assert.False(result.Succeeded);
        Assert.True(result.TimedOut);
        Assert.Contains("Timeout value of 00:00:03 was exceeded by function: Linger", result.Error);
        Assert.Equal("linger:1", cancelled);
        Assert.Null(await test.ResultAsync($"linger-m-{test.Id}-1-done"));
        // It answered within the grace period, so its worker was not restarted.
        Assert.Equal(1, test.Host.Worker.Starts);
    }

    [Fact]
    public async Task AWorkerThatDoesNotAnswerWithinTheGracePeriodAfterATimeoutIsRestarted()
    {
        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite, o =>
        {
            o.FunctionTimeout = s_timeout;
            o.CancellationGracePeriod = TimeSpan.FromSeconds(2);
        });
        var message = QueuesModelFactory.QueueMessage("m-" + test.Id, "receipt", BinaryData.FromString("stubborn"), dequeueCount: 1);
        var firstWorker = test.Host.Worker.ProcessId;

        var result = await test.Host.Worker.InvokeAsync("Linger", r => QueueTriggerInput.Fill(r, "message", message), retryOnCrash: false, CancellationToken.None);
        await Eventually.Async(() => Task.FromResult(test.Host.Worker.ProcessId), id => id is not null && id != firstWorker, "a new worker process");

        Assert.True(result.TimedOut);
        Assert.Equal(2, test.Host.Worker.Starts);
        Assert.Null(await test.ResultAsync($"linger-m-{test.Id}-1-done"));
    }

    [Fact]
    public async Task AQueueMessageWhoseInvocationTimedOutIsDeliveredAgainAndCompletes()
    {
        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite, o => o.FunctionTimeout = s_timeout);
        var outcomes = Outcomes(test);
        var queue = await LingerQueueAsync(test);
        var id = (await queue.SendMessageAsync("linger:1")).Value.MessageId;

        await Eventually.Async(() => Task.FromResult(Snapshot(outcomes).Any(o => o.MessageId == id && o.Succeeded)), done => done, $"message {id} to complete");

        Assert.Equal([(1L, false), (2L, true)], Snapshot(outcomes).Where(o => o.MessageId == id).Select(o => (o.DequeueCount, o.Succeeded)));
        Assert.Equal(
            [$"linger-{id}-1-cancelled", $"linger-{id}-1-started", $"linger-{id}-2-done", $"linger-{id}-2-started"],
            (await test.ResultNamesAsync($"linger-{id}-")).Order());
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task StoppingTheHostCancelsInvocationsInFlightAndWaitsForTheirAnswers()
    {
        // No functionTimeout (the test worker's host.json sets none: 30 minutes); a long grace for a loaded machine.
        var test = await TestHost.StartWorkerAsync(fixture.Azurite, o => o.CancellationGracePeriod = TimeSpan.FromSeconds(30));
        var queue = await LingerQueueAsync(test);
        var id = (await queue.SendMessageAsync("linger:1")).Value.MessageId;
        await Eventually.Async(() => test.ResultAsync($"linger-{id}-1-started"), text => text is not null, "the invocation to start");

        await test.DisposeAsync();

        // Stopping waited for the function's answer: it saw the cancellation, and its message is back on the queue.
        Assert.Equal("linger:1", await test.ResultAsync($"linger-{id}-1-cancelled"));
        Assert.Null(await test.ResultAsync($"linger-{id}-1-done"));
        var waiting = Assert.Single((await queue.PeekMessagesAsync()).Value);
        Assert.Equal(id, waiting.MessageId);
        Assert.Equal(1, waiting.DequeueCount);
    }

    private static async Task<QueueClient> LingerQueueAsync(TestHost test)
    {
        var queue = test.Host.Storage.CreateQueueServiceClient().GetQueueClient(test.Host.Configuration["TestWorker:LingerQueue"]);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private static List<QueueTriggerOutcome> Outcomes(TestHost test)
    {
        var outcomes = new List<QueueTriggerOutcome>();
        test.Host.QueueProcessed += o => { lock (outcomes) { outcomes.Add(o); } };
        return outcomes;
    }

    private static List<QueueTriggerOutcome> Snapshot(List<QueueTriggerOutcome> outcomes)
    {
        lock (outcomes)
        {
            return [.. outcomes];
        }
    }
}
