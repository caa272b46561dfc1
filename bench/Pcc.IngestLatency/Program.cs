// Upload-to-queryable latency (p50 over N uploads of the seed briefing, each a new version) and the handler's time
// per ingest, through the local host against an in-memory Azurite on free ports. The first WARMUP uploads are not
// counted: until the runtime has compiled the ingest's code fully (after about 30 calls of a method), a figure
// measures the compiler: counting the cold ones, 20 samples gave a p50 of 83 ms in one run, and 40 gave 52 ms in the next.
// Run: dotnet run -c Release --project bench/Pcc.IngestLatency [-- SAMPLES [WARMUP]] (defaults 30 and 10)
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.LocalHost;
using Pcc.Testing;

var samples = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 30;
var warmup = args.Length > 1 && int.TryParse(args[1], out var w) && w >= 0 ? w : 10;
var azurite = await Azurite.GetAsync();
var options = new LocalHostOptions
{
    Port = 0,
    StartEmulators = false,
    StartMailDev = false,
    StorageConnectionString = azurite.ConnectionString,
    RepositoryRoot = RepositoryRoot.Path,
    Seed = false,
};
options.Settings["Logging:LogLevel:Default"] = "Warning";
await using var host = await LocalFunctionHost.StartAsync(options);

var handlerTimes = new List<double>();
var handled = 0;
host.BlobProcessed += outcome =>
{
    lock (handlerTimes)
    {
        if (++handled > warmup)
        {
            handlerTimes.Add(outcome.LastResult.Elapsed.TotalMilliseconds);
        }
    }
};
using var http = new HttpClient { BaseAddress = host.FrontDoorAddress };
var briefings = host.Storage.GetBlobContainerClient(host.BriefingsContainer);
await briefings.CreateIfNotExistsAsync();
var content = new BinaryData(await File.ReadAllBytesAsync(RepositoryRoot.Combine("seeds", "001_88da988782738298.txt")));

var latencies = new List<double>();
for (var version = 1; version <= warmup + samples; version++)
{
    await briefings.GetBlobClient("latency.txt").UploadAsync(content, overwrite: true);
    var clock = Stopwatch.StartNew();
    while (true)
    {
        var list = await http.GetFromJsonAsync<JsonElement>("api/briefings");
        if (list.EnumerateArray().Any(b => b.GetProperty("currentVersion").GetInt32() == version))
        {
            break;
        }

        await Task.Delay(20);
    }

    if (version > warmup)
    {
        latencies.Add(clock.Elapsed.TotalMilliseconds);
    }
}

static string Describe(List<double> values)
{
    values.Sort();
    return $"p50 {values[values.Count / 2]:0} ms, p95 {values[(int)Math.Ceiling(values.Count * 0.95) - 1]:0} ms, min {values[0]:0} ms, max {values[^1]:0} ms (n={values.Count})";
}

// The limit beside it, in the same run: Azurite's raw rate for case-study-sized entities (2,000-character text) in
// 100-operation same-partition transactions, written with the same SDK, once the host scans at its idle pace again
// (its fast scans after the last upload would otherwise share Azurite with the measurement).
await Task.Delay(options.BusyWindow + options.ScanInterval);
var raw = host.Storage.GetTableClient("rawrate" + Guid.NewGuid().ToString("N")[..8]);
await raw.CreateIfNotExistsAsync();
const int rawEntities = 5_000;
var text = new string('x', 2_000);
var rawClock = Stopwatch.StartNew();
for (var batch = 0; batch < rawEntities / 100; batch++)
{
    var actions = Enumerable.Range(0, 100).Select(i => new Azure.Data.Tables.TableTransactionAction(Azure.Data.Tables.TableTransactionActionType.UpsertReplace,
        new Azure.Data.Tables.TableEntity($"theme-{batch % 7}", $"case-study-{batch:D4}-{i:D3}") { ["Title"] = "Case study", ["Text"] = text, ["Briefing"] = "public-safety-public-trust", ["Version"] = 1 }))
        .ToList();
    await raw.SubmitTransactionAsync(actions);
}

Console.WriteLine($"azurite raw rate, 100-op same-partition transactions: {rawEntities / rawClock.Elapsed.TotalSeconds:0} entities/s ({rawEntities} entities), one transaction {rawClock.Elapsed.TotalMilliseconds / (rawEntities / 100):0.0} ms");
await raw.DeleteAsync();

Console.WriteLine($"scan interval {options.ScanInterval.TotalMilliseconds:0} ms when idle (as before), {options.BusyScanInterval.TotalMilliseconds:0} ms for {options.BusyWindow.TotalSeconds:0} s after a scan found a new version");
Console.WriteLine($"after {warmup} uploads not counted:");
Console.WriteLine($"upload -> queryable: {Describe(latencies)}");
lock (handlerTimes)
{
    Console.WriteLine($"handler time per ingest: {Describe(handlerTimes)}");
}
