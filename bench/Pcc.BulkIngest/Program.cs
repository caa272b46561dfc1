// A bulk run of VERSIONS successive versions of the seed briefing (each edits one case study) through the app's ingest
// service, against an in-memory Azurite on free ports: entity writes per second during the run (every entity the
// ingests wrote, counted on the wire, transactions by their operations) beside Azurite's raw rate for as many
// case-study-sized entities in 100-operation same-partition transactions, written by the same SDK. Target ≥ 70 %.
// Run: dotnet run -c Release --project bench/Pcc.BulkIngest [-- VERSIONS] (default 1000)
using System.Diagnostics;
using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pcc.BulkIngest;
using Pcc.Catalogue;
using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Ingestion;
using Pcc.Testing;

var versions = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 1_000;
var azurite = await Azurite.GetAsync();
var id = Guid.NewGuid().ToString("N")[..12];
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["AzureWebJobsStorage"] = azurite.ConnectionString,
    ["Storage:TablePrefix"] = "b" + id,
    ["Storage:BriefingsContainer"] = "briefings-" + id,
    ["Storage:ReportsContainer"] = "reports-" + id,
    ["Storage:LocksContainer"] = "locks-" + id,
    ["Storage:SecretsContainer"] = "secrets-" + id,
}).Build();

var counter = new TableWriteCounter(azurite.TableEndpoint);
var timeline = new RequestTimeline();
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error))
    .AddCatalogue(configuration);
services.AddAzureClients(clients => clients.ConfigureDefaults(o =>
{
    o.AddPolicy(counter, HttpPipelinePosition.PerCall);
    o.AddPolicy(timeline, HttpPipelinePosition.PerCall);
}));
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<PccStore>();
var ingestor = provider.GetRequiredService<BriefingIngestor>();
await store.EnsureCreatedAsync(CancellationToken.None);

// Each version edits one case study (in turn), so every ingest records a change, as an editor's revision would.
var seed = await File.ReadAllTextAsync(RepositoryRoot.Combine("seeds", "001_88da988782738298.txt"));
byte[] Version(int version)
{
    var study = (version % 20) + 1;
    return Encoding.UTF8.GetBytes(seed.Replace($"Case study {study}: ", $"Case study {study}: (revision {version}) ", StringComparison.Ordinal));
}

var blob = store.BriefingBlobs.GetBlobClient("bulk.txt");
var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
var ingestTime = TimeSpan.Zero;
var writesBefore = counter.Writes;
var requestsBefore = counter.Requests;
var ingestTimes = new List<double>();
var clock = Stopwatch.StartNew();
for (var version = 1; version <= versions; version++)
{
    await blob.UploadAsync(new BinaryData(Version(version)), overwrite: true);
    if (version == versions)
    {
        timeline.Start();
    }

    var ingest = Stopwatch.StartNew();
    var outcome = await ingestor.IngestAsync(blob.Name, CancellationToken.None);
    ingestTime += ingest.Elapsed;
    ingestTimes.Add(ingest.Elapsed.TotalMilliseconds);
    outcomes[outcome.Status] = outcomes.GetValueOrDefault(outcome.Status) + 1;
}

var wall = clock.Elapsed;
var last = timeline.Stop();
Console.WriteLine($"the last ingest's storage requests, in order ({last.Count}, {ingestTimes[^1]:0.0} ms in all):");
foreach (var (start, elapsed, what) in last)
{
    Console.WriteLine($"  {start,7:0.0} ms  {elapsed,6:0.0} ms  {what}");
}

ingestTimes.Sort();
Console.WriteLine($"time per ingest: p50 {ingestTimes[ingestTimes.Count / 2]:0.0} ms, min {ingestTimes[0]:0.0} ms, requests per ingest {last.Count}");
var writes = counter.Writes - writesBefore;
var requests = counter.Requests - requestsBefore;
var rate = writes / ingestTime.TotalSeconds;
Console.WriteLine($"bulk ingest: {versions} versions in {wall.TotalSeconds:0.0} s ({ingestTime.TotalSeconds:0.0} s inside the ingests), outcomes {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
Console.WriteLine($"entity writes: {writes} ({(double)writes / versions:0.0} per version, in {(double)requests / versions:0.0} write requests), {rate:0} entity writes/s during the ingests, {writes / wall.TotalSeconds:0}/s over the whole run with its uploads");

// The limit beside it, in the same run: as many case-study-sized entities (2,000-character text), in 100-operation
// same-partition transactions, written with the same SDK by a client that does nothing else.
// The same counter on it checks the count: it must see exactly the entities sent.
var rawCounter = new TableWriteCounter(azurite.TableEndpoint);
var rawOptions = new TableClientOptions();
rawOptions.AddPolicy(rawCounter, HttpPipelinePosition.PerCall);
var raw = new TableServiceClient(azurite.ConnectionString, rawOptions).GetTableClient("rawbulk" + id);
await raw.CreateIfNotExistsAsync();
var rawEntities = (int)Math.Max(100, (writes + 99) / 100 * 100);
var text = new string('x', 2_000);
var rawClock = Stopwatch.StartNew();
for (var batch = 0; batch < rawEntities / 100; batch++)
{
    var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
        new TableEntity($"theme-{batch % 7}", $"case-study-{batch:D5}-{i:D3}") { ["Title"] = "Case study", ["Text"] = text, ["Briefing"] = "bulk", ["Version"] = 1 }))
        .ToList();
    await raw.SubmitTransactionAsync(actions);
}

var rawRate = rawEntities / rawClock.Elapsed.TotalSeconds;
await raw.DeleteAsync();
Console.WriteLine($"azurite raw rate, 100-op same-partition transactions: {rawRate:0} entities/s ({rawEntities} entities; the write counter saw {rawCounter.Writes})");
Console.WriteLine($"bulk ingest writes at {100 * rate / rawRate:0} % of the raw rate (target >= 70 %): bulk_writes_per_s={rate:0} raw_per_s={rawRate:0} ratio_pct={100 * rate / rawRate:0} versions={versions}");
