using System.Text.Json.Nodes;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Platform.Storage;
using Pcc.Testing;
using Pcc.Testing.SendGrid;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>
/// The digest run fanned out on a storage queue in Azurite, each batch sent through the SendGrid fake by the sender a
/// queue-triggered function runs: exactly once per subscriber per window under redelivery, concurrent consumers,
/// overlapping runs and a crash between send and record.
/// </summary>
public sealed class DigestFanOutTests(AzuriteFixture azurite, MailDevFixture mailDev) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private SendGridFake _fake = null!;

    public async Task InitializeAsync() => _fake = await SendGridFake.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private async Task<(DigestRunnerHarness Harness, QueueClient Queue, ListDigestSource Source, string[] Readers)> ScenarioAsync(int violence, int both, int perBatch)
    {
        var harness = await DigestRunnerHarness.CreateAsync(azurite.Azurite, mailDev.MailDev);
        harness.Options.MaxRecipientsPerBatch = perBatch;
        var queue = StorageConnection.FromConnectionString(azurite.Azurite.ConnectionString)
            .CreateQueueServiceClient().GetQueueClient(AzuriteFixture.UniqueName("digests-"));
        await queue.CreateAsync();
        var readers = Enumerable.Range(0, violence + both).Select(i => $"reader{i:D4}-{Guid.NewGuid():N}@example.org").ToArray();
        var recipients = readers.Select((r, i) => i < violence ? Recipient(r, Violence) : Recipient(r, Violence, Victims)).ToList();
        var source = new ListDigestSource([New("a"), New("b", Victims)], recipients);
        return (harness, queue, source, readers);
    }

    private SendGridTransport SendGrid(DigestRunnerHarness harness) =>
        new(_http, Options.Create(new SendGridOptions { ApiKey = _fake.ApiKey, BaseUri = _fake.BaseUri, MaxAttempts = 1 }), harness.Clock);

    private List<string> Delivered() =>
        [.. _fake.Accepted.SelectMany(r => r.Personalizations).Select(p => p.GetProperty("to")[0].GetProperty("email").GetString()!)];

    [Fact]
    public async Task TheRunQueuesOneMessagePerBatchOfOneThemeSetAndTheQueueSendsEachSubscriberOnce()
    {
        var (harness, queue, source, readers) = await ScenarioAsync(violence: 15, both: 10, perBatch: 10);

        var run = await harness.Runner(source, new QueueBatchDispatcher(queue)).RunAsync(Daily);

        Assert.Equal((DigestRunStatus.Sending, 3, 0, 0), (run.Status, run.Dispatched, run.Sent, run.Batches));
        Assert.Empty(_fake.Requests);
        var sender = harness.Sender(SendGrid(harness));
        await QueueDrain.DrainAsync(queue, consumers: 1, m => sender.SendAsync(m));

        Assert.Equal(readers.Order(), Delivered().Order());
        Assert.Equal(3, _fake.Accepted.Count);
        Assert.All(_fake.Accepted, r => Assert.InRange(r.Personalizations.Count, 1, 10));
        var subjects = _fake.Accepted.Select(r => r.Body!.Value.GetProperty("subject").GetString()).ToList();
        Assert.Equal(2, subjects.Distinct().Count());
        var stored = await harness.Ledger.GetRunAsync(Daily);
        Assert.Equal((DigestRunStatus.Completed, 25, 3), (stored!.Status, stored.Sent, stored.Batches));
    }

    [Fact]
    public async Task ARecipientErasedFromAPlannedBatchIsNotMailedAndTheRestOfTheBatchIs()
    {
        var (harness, queue, source, readers) = await ScenarioAsync(violence: 6, both: 0, perBatch: 4);
        await harness.Runner(source, new QueueBatchDispatcher(queue)).RunAsync(Daily);

        // What `pcc subscribers erase` leaves in a batch planned but not yet sent: the recipient's position, blanked.
        var erased = readers[1];
        await foreach (var item in harness.Contents.GetBlobsAsync())
        {
            var blob = harness.Contents.GetBlobClient(item.Name);
            var content = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
            foreach (var recipient in content["recipients"]!.AsArray().OfType<JsonObject>().Where(r => (string?)r["email"] == erased))
            {
                foreach (var property in new[] { "subscriberId", "email", "manageUrl", "unsubscribeUrl" })
                {
                    recipient[property] = "";
                }
            }

            await blob.UploadAsync(new BinaryData(content.ToJsonString()), overwrite: true);
        }

        var sender = harness.Sender(SendGrid(harness));
        await QueueDrain.DrainAsync(queue, consumers: 1, m => sender.SendAsync(m));

        Assert.Equal(readers.Where(r => r != erased).Order(), Delivered().Order());
        Assert.All(_fake.Requests, r => Assert.Equal(202, r.Status));
        Assert.DoesNotContain(_fake.Requests, r => r.Body?.ToString()?.Contains(erased, StringComparison.OrdinalIgnoreCase) == true);
        var stored = await harness.Ledger.GetRunAsync(Daily);
        Assert.Equal((DigestRunStatus.Completed, 5, 1), (stored!.Status, stored.Sent, stored.Failed));
    }

    [Fact]
    public async Task ABatchMessageDeliveredTwiceSendsItsRecipientsOnce()
    {
        var (harness, queue, source, readers) = await ScenarioAsync(violence: 6, both: 0, perBatch: 4);
        await harness.Runner(source, new QueueBatchDispatcher(queue)).RunAsync(Daily);
        var sender = harness.Sender(SendGrid(harness));
        var outcomes = new List<DigestBatchOutcome>();

        await QueueDrain.DrainAsync(queue, consumers: 1, async m => outcomes.Add(await sender.SendAsync(m)), deliveries: 2);

        Assert.Equal(readers.Order(), Delivered().Order());
        Assert.Equal([false, true, false, true], outcomes.Select(o => o.SentBefore));
        var again = await harness.Runner(source, new QueueBatchDispatcher(queue)).RunAsync(Daily);
        Assert.True(again.AlreadyCompleted);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task OverlappingRunsAndFourConsumersSendEachSubscriberExactlyOnce()
    {
        var (harness, queue, source, readers) = await ScenarioAsync(violence: 60, both: 40, perBatch: 7);
        var dispatcher = new QueueBatchDispatcher(queue);

        // Two runs planning at once commit one plan; each queues every batch, so each batch has two messages.
        var runs = await Task.WhenAll(harness.Runner(source, dispatcher).RunAsync(Daily), harness.Runner(source, dispatcher).RunAsync(Daily));
        var sender = harness.Sender(SendGrid(harness));
        var handled = await QueueDrain.DrainAsync(queue, consumers: 4, m => sender.SendAsync(m));

        Assert.Equal(runs[0].Dispatched + runs[1].Dispatched, handled);
        Assert.Equal(readers.Order(), Delivered().Order());
        var stored = await harness.Ledger.GetRunAsync(Daily);
        Assert.Equal((DigestRunStatus.Completed, 100, 0), (stored!.Status, stored.Sent, stored.Unconfirmed));
        var batches = await harness.Ledger.ListBatchesAsync(Daily, stored.PlanId!).ToListAsync();
        Assert.Equal(stored.Batches, batches.Count);
        Assert.All(batches, b => Assert.Equal((DigestBatchState.Done, 1), (b.State, b.Attempts)));
    }

    [Fact]
    public async Task ABatchSentButNotRecordedBeforeACrashIsReportedUnconfirmedAndItsRedeliveryDoesNotResendIt()
    {
        var (harness, queue, source, readers) = await ScenarioAsync(violence: 5, both: 0, perBatch: 5);
        await harness.Runner(source, new QueueBatchDispatcher(queue)).RunAsync(Daily);
        var crashing = harness.Sender(new CrashingTransport(SendGrid(harness)));
        var sender = harness.Sender(SendGrid(harness));
        var outcomes = new List<DigestBatchOutcome>();

        // The first delivery dies after the provider accepted the batch; the host delivers the message again.
        await QueueDrain.DrainAsync(queue, consumers: 1, async m =>
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.SendAsync(m));
            outcomes.Add(await sender.SendAsync(m));
        });

        Assert.Equal(readers.Order(), Delivered().Order());
        Assert.True(Assert.Single(outcomes).SentBefore);
        var report = await harness.Runner(source).RunAsync(Daily);
        Assert.Equal((DigestRunStatus.Completed, 0, 5), (report.Status, report.Sent, report.Unconfirmed));
    }

    [Fact]
    public async Task AMessageNamingNoBatchFailsBeforeAnythingIsSentSoTheHostRetriesIt()
    {
        var (harness, queue, source, _) = await ScenarioAsync(violence: 3, both: 0, perBatch: 5);
        await harness.Runner(source, new QueueBatchDispatcher(queue)).RunAsync(Daily);
        var sender = harness.Sender(SendGrid(harness));

        await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(new DigestBatchMessage(DigestFrequency.Daily, Daily.Start, Daily.End, "nosuchplan-00000")));
        Assert.Throws<FormatException>(() => DigestBatchMessage.Parse("{\"batch\": 3"));
        Assert.Throws<FormatException>(() => DigestBatchMessage.Parse(JsonSerializer.Serialize(new { frequency = "daily", batch = "" })));

        Assert.Empty(_fake.Requests);
        var stored = await harness.Ledger.GetRunAsync(Daily);
        Assert.Equal(DigestRunStatus.Sending, stored!.Status);
    }

    [Fact]
    public async Task RecipientsDeferredByTheProviderAreTheOnlyOnesTheBatchsNextDeliverySends()
    {
        var (harness, queue, source, readers) = await ScenarioAsync(violence: 4, both: 0, perBatch: 4);
        await harness.Runner(source, new QueueBatchDispatcher(queue)).RunAsync(Daily);
        var sender = harness.Sender(SendGrid(harness));
        _fake.RateLimit(times: 1, reset: harness.Clock.GetUtcNow().AddHours(1));
        var outcomes = new List<DigestBatchOutcome>();

        await QueueDrain.DrainAsync(queue, consumers: 1, async m => outcomes.Add(await sender.SendAsync(m)), deliveries: 2);

        Assert.Equal([(DigestBatchState.Deferred, 0, 4), (DigestBatchState.Done, 4, 0)], outcomes.Select(o => (o.State, o.Sent, o.Deferred)));
        Assert.Equal(readers.Order(), Delivered().Order());
        Assert.Equal(DigestRunStatus.Completed, (await harness.Ledger.GetRunAsync(Daily))!.Status);
    }
}
