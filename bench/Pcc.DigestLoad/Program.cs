using System.Diagnostics;
using Microsoft.Extensions.Options;
using Pcc.DigestLoad;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Notifications.Storage;
using Pcc.Testing;
using Pcc.Testing.SendGrid;

// dotnet run -c Release --project bench/Pcc.DigestLoad [-- subscribers]
var subscribers = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var azurite = await Azurite.GetAsync();
await using var sendGrid = await SendGridFake.StartAsync();

var suffix = Guid.NewGuid().ToString("N")[..8];
var storage = StorageConnection.FromConnectionString(azurite.ConnectionString);
var ledger = DigestLedger.Create(storage.CreateTableServiceClient(), $"DigestRuns{suffix}", $"Deliveries{suffix}");
await ledger.CreateTablesIfNotExistsAsync();

var sendGridOptions = new SendGridOptions { ApiKey = sendGrid.ApiKey, BaseUri = sendGrid.BaseUri };
using var http = SendGridResilience.CreateHttpClient(sendGridOptions, TimeProvider.System);
var transport = new SendGridTransport(http, Options.Create(sendGridOptions), TimeProvider.System);
var runner = new DigestRunner(
    new LoadSource(subscribers, seed: 48),
    ledger,
    transport,
    Options.Create(new DigestOptions { PublicBaseUrl = "https://pcc.example.org" }),
    Options.Create(new EmailOptions { FromAddress = "digest@pcc.example.org" }),
    TimeProvider.System);
var window = DigestSchedule.WindowEndingAt(DigestFrequency.Daily, new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));

var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var clock = Stopwatch.StartNew();
var result = await runner.RunAsync(window);
var first = clock.Elapsed;
clock.Restart();
var again = await runner.RunAsync(window);
var repeat = clock.Elapsed;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
using var process = Process.GetCurrentProcess();
process.Refresh();

Console.WriteLine($"Digest run, {subscribers:N0} subscribers, 7 themes, ledger in Azurite (in memory), SendGrid fake on Kestrel (same process)");
Console.WriteLine($"  result: {result}");
Console.WriteLine($"  wall time: {first.TotalSeconds:F1} s; repeat of the completed window: {repeat.TotalMilliseconds:F0} ms (sent {again.Sent})");
Console.WriteLine($"  SendGrid requests accepted: {sendGrid.Accepted.Count}, personalizations: {sendGrid.Accepted.Sum(r => r.Personalizations.Count):N0}");
Console.WriteLine($"  peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB; allocated: {allocated / (1024.0 * 1024):F0} MiB (both include the in-process SendGrid fake)");
Console.WriteLine($"  ledger rows sent: {await ledger.ListDeliveriesAsync(window).CountAsync(r => r.Status == DeliveryState.Sent):N0}");
