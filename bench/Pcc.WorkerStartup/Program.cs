// Worker start to first answered invocation: the local host starts the Function App's worker process (handshake,
// metadata, loads) and the first GET /api/themes is answered through the worker; median over N starts, against an
// in-memory Azurite on free ports.
// Run: dotnet run -c Release --project bench/Pcc.WorkerStartup [-- STARTS [APP...]]
// APP is `publish` (the default: the app published as azd publishes it, ReadyToRun for linux-x64, into a temporary
// folder), `build` (the Release build output the tests run) or a folder holding worker.config.json.
// With several apps (e.g. `publish build`) the starts alternate between them, so a machine that gets busier during the
// run slows each alike; one line per app, then one machine-readable line per app:
//   startup app=… median_ms= min_ms= max_ms= n= ready_median_ms= first_request_median_ms= worker_cpu_median_ms= load=
// ready: until the host has the worker's functions loaded and its triggers and front door up; first_request: the first
// GET after that; worker_cpu: the worker process's CPU time (user + system) when the first answer arrived, which a
// busy machine inflates far less than the wall-clock times.
using System.Diagnostics;
using Pcc.LocalHost;
using Pcc.Testing;
using Pcc.WorkerStartup;

var starts = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 10;
string[] apps = args.Length > 1 ? args[1..] : ["publish"];
var directories = apps.Select(AppDirectory.Resolve).ToArray();
var azurite = await Azurite.GetAsync();
var runs = directories.Select(_ => new List<StartupRun>()).ToArray();
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
    var ready = clock.Elapsed;
    using var http = new HttpClient { BaseAddress = host.FrontDoorAddress };
    using var response = await http.GetAsync("api/themes");
    response.EnsureSuccessStatusCode();
    var total = clock.Elapsed;
    runs[i % directories.Length].Add(new StartupRun(total.TotalMilliseconds, ready.TotalMilliseconds, (total - ready).TotalMilliseconds, WorkerCpu.Milliseconds(host.Worker.ProcessId)));
}

var load = File.Exists("/proc/loadavg") ? string.Join('/', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";
for (var d = 0; d < directories.Length; d++)
{
    var t = runs[d].Select(r => r.TotalMs).Order().ToList();
    Console.WriteLine($"worker start to first answered invocation: median {t[t.Count / 2]:0} ms, min {t[0]:0} ms, max {t[^1]:0} ms (n={t.Count}) ({apps[d]}: {directories[d]})");
}

for (var d = 0; d < directories.Length; d++)
{
    var r = runs[d];
    var t = r.Select(x => x.TotalMs).Order().ToList();
    Console.WriteLine($"startup app={apps[d]} median_ms={t[t.Count / 2]:0} min_ms={t[0]:0} max_ms={t[^1]:0} n={t.Count} "
        + $"ready_median_ms={Median(r.Select(x => x.ReadyMs)):0} first_request_median_ms={Median(r.Select(x => x.FirstRequestMs)):0} "
        + $"worker_cpu_median_ms={(r.All(x => x.WorkerCpuMs is not null) ? Median(r.Select(x => x.WorkerCpuMs!.Value)).ToString("0") : "unknown")} load={load}");
}

AppDirectory.DeletePublished();

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

internal sealed record StartupRun(double TotalMs, double ReadyMs, double FirstRequestMs, double? WorkerCpuMs);
