using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using Pcc.DigestLoad;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Platform.Storage;
using Pcc.Testing;
using Pcc.Testing.SendGrid;

// dotnet run -c Release --project bench/Pcc.DigestLoad [-- subscribers [consumers]]
// One digest run fanned out on a queue in Azurite, drained by `consumers` concurrent senders (each what one
// SendDigestBatch instance does), through the SendGrid fake; then the fake's own acceptance rate for the same requests.
var subscribers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var consumers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var azurite = await Azurite.GetAsync();
// The fake checks every request against the contract but keeps no bodies, so the peak below is the sending side's.
await using var sendGrid = await SendGridFake.StartAsync(keepBodies: false);

var suffix = Guid.NewGuid().ToString("N")[..8];
var storage = StorageConnection.FromConnectionString(azurite.ConnectionString);
var ledger = DigestLedger.Create(storage.CreateTableServiceClient(), storage.CreateBlobServiceClient(), $"DigestRuns{suffix}", $"Deliveries{suffix}", $"digest-batches-{suffix}");
await ledger.CreateTablesIfNotExistsAsync();
var queue = storage.CreateQueueServiceClient().GetQueueClient($"digest-batches-{suffix}");

var options = Options.Create(new DigestOptions { PublicBaseUrl = "https://pcc.example.org" });
var sendGridOptions = new SendGridOptions { ApiKey = sendGrid.ApiKey, BaseUri = sendGrid.BaseUri };
using var http = SendGridResilience.CreateHttpClient(sendGridOptions, TimeProvider.System);
var transport = new SendGridTransport(http, Options.Create(sendGridOptions), TimeProvider.System);
var sender = new DigestBatchSender(ledger, transport, options, Options.Create(new EmailOptions { FromAddress = "digest@pcc.example.org" }), TimeProvider.System);
var runner = new DigestRunner(new LoadSource(subscribers, seed: 48), ledger, new QueueBatchDispatcher(queue), sender, EmailHtmlRenderer.Standalone, options, TimeProvider.System);
var window = DigestSchedule.WindowEndingAt(DigestFrequency.Daily, new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));

var clock = Stopwatch.StartNew();
var result = await runner.RunAsync(window);
var planned = clock.Elapsed;
await Task.WhenAll(Enumerable.Range(0, consumers).Select(_ => ConsumeAsync()));
var total = clock.Elapsed;
using var process = Process.GetCurrentProcess();
process.Refresh();
var run = await ledger.GetRunAsync(window);

// The fake alone: the same requests again, straight from the transport, no queue and no ledger.
var requests = sendGrid.Accepted.Count;
var raw = Stopwatch.StartNew();
var content = new EmailBatch(new EmailAddress("digest@pcc.example.org"), "Subject", new string('h', 20_000), new string('t', 8_000),
    [.. Enumerable.Range(0, 1000).Select(i => new EmailRecipient(new EmailAddress($"raw{i:D4}@example.org")))]);
for (var i = 0; i < requests; i++)
{
    await transport.SendAsync(content);
}

var rawRate = requests * 1000 / raw.Elapsed.TotalSeconds;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"digests subscribers={subscribers} consumers={consumers} plan_s={planned.TotalSeconds:F1} total_s={total.TotalSeconds:F1} sent={run!.Sent} batches={run.Batches} status={run.Status} requests={requests} peak_ws_mib={process.PeakWorkingSet64 / (1024.0 * 1024):F0} fake_raw_recipients_per_s={rawRate:F0} dispatched={result.Dispatched}"));

async Task ConsumeAsync()
{
    var idle = 0;
    while (idle < 3)
    {
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(maxMessages: 1, visibilityTimeout: TimeSpan.FromMinutes(5));
        if (messages.Length == 0)
        {
            idle++;
            await Task.Delay(200);
            continue;
        }

        idle = 0;
        await sender.SendAsync(DigestBatchMessage.Parse(messages[0].Body.ToString()));
        await queue.DeleteMessageAsync(messages[0].MessageId, messages[0].PopReceipt);
    }
}
