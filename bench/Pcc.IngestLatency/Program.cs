// Upload-to-queryable latency (p50 over N uploads of the seed briefing, each a new version) and the handler's time
// per ingest, through the local host against an in-memory Azurite on free ports.
// Run: dotnet run -c Release --project bench/Pcc.IngestLatency [-- SAMPLES]
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.LocalHost;
using Pcc.Testing;

var samples = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 20;
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
host.BlobProcessed += outcome => { lock (handlerTimes) { handlerTimes.Add(outcome.LastResult.Elapsed.TotalMilliseconds); } };
using var http = new HttpClient { BaseAddress = host.FrontDoorAddress };
var briefings = host.Storage.GetBlobContainerClient(host.BriefingsContainer);
await briefings.CreateIfNotExistsAsync();
var content = new BinaryData(await File.ReadAllBytesAsync(RepositoryRoot.Combine("seeds", "001_88da988782738298.txt")));

var latencies = new List<double>();
for (var version = 1; version <= samples; version++)
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

    latencies.Add(clock.Elapsed.TotalMilliseconds);
}

static string Describe(List<double> values)
{
    values.Sort();
    return $"p50 {values[values.Count / 2]:0} ms, min {values[0]:0} ms, max {values[^1]:0} ms (n={values.Count})";
}

Console.WriteLine($"scan interval {options.ScanInterval.TotalMilliseconds:0} ms");
Console.WriteLine($"upload -> queryable: {Describe(latencies)}");
lock (handlerTimes)
{
    Console.WriteLine($"handler time per ingest: {Describe(handlerTimes)}");
}
