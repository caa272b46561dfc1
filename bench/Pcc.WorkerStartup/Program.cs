// Worker start to first answered invocation: the local host starts the Function App's worker process (handshake,
// metadata, loads) and the first GET /api/themes is answered through the worker; median over N starts, against an
// in-memory Azurite on free ports.
// Run: dotnet run -c Release --project bench/Pcc.WorkerStartup [-- STARTS [APP_DIRECTORY...]]
// With several app directories (e.g. a plain publish and a ReadyToRun one) the starts alternate between them, so a
// machine that gets busier during the run slows each alike; one line per directory.
using System.Diagnostics;
using Pcc.LocalHost;
using Pcc.Testing;

var starts = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 10;
string?[] directories = args.Length > 1 ? args[1..] : [null];
var azurite = await Azurite.GetAsync();
var times = directories.Select(_ => new List<double>()).ToArray();
for (var i = 0; i < starts * directories.Length; i++)
{
    var options = new LocalHostOptions
    {
        Port = 0,
        StartEmulators = false,
        StorageConnectionString = azurite.ConnectionString,
        RepositoryRoot = RepositoryRoot.Path,
        HostId = $"startup-{i}",
        Seed = false,
        AppDirectory = directories[i % directories.Length],
    };
    options.Settings["Logging:LogLevel:Default"] = "Warning";
    var clock = Stopwatch.StartNew();
    await using var host = await LocalFunctionHost.StartAsync(options);
    using var http = new HttpClient { BaseAddress = host.FrontDoorAddress };
    using var response = await http.GetAsync("api/themes");
    response.EnsureSuccessStatusCode();
    times[i % directories.Length].Add(clock.Elapsed.TotalMilliseconds);
}

for (var d = 0; d < directories.Length; d++)
{
    var t = times[d];
    t.Sort();
    var which = directories[d] is { } directory ? $" ({directory})" : "";
    Console.WriteLine($"worker start to first answered invocation: median {t[t.Count / 2]:0} ms, min {t[0]:0} ms, max {t[^1]:0} ms (n={t.Count}){which}");
}
