// Worker start to first answered invocation: the local host starts the Function App's worker process (handshake,
// metadata, loads) and the first GET /api/themes is answered through the worker; median over N starts, against an
// in-memory Azurite on free ports.
// Run: dotnet run -c Release --project bench/Pcc.WorkerStartup [-- STARTS]
using System.Diagnostics;
using Pcc.LocalHost;
using Pcc.Testing;

var starts = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 10;
var azurite = await Azurite.GetAsync();
var times = new List<double>();
for (var i = 0; i < starts; i++)
{
    var options = new LocalHostOptions
    {
        Port = 0,
        StartEmulators = false,
        StorageConnectionString = azurite.ConnectionString,
        RepositoryRoot = RepositoryRoot.Path,
        HostId = $"startup-{i}",
        Seed = false,
    };
    options.Settings["Logging:LogLevel:Default"] = "Warning";
    var clock = Stopwatch.StartNew();
    await using var host = await LocalFunctionHost.StartAsync(options);
    using var http = new HttpClient { BaseAddress = host.FrontDoorAddress };
    using var response = await http.GetAsync("api/themes");
    response.EnsureSuccessStatusCode();
    times.Add(clock.Elapsed.TotalMilliseconds);
}

times.Sort();
Console.WriteLine($"worker start to first answered invocation: median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms (n={times.Count})");
