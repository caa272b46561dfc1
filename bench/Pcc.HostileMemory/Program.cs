// The worker's peak memory while the hostile documents of the test suite (tests/Pcc.Functions.Tests/Ingestion/
// HostileCorpus.cs) and the seed's renderings (tests/Pcc.Briefings.Tests/Fixtures/Renderings) are ingested through the
// local host, four at once as host.json allows: every document is uploaded, then each one's receipt is waited for.
// Peak = the kernel's high-water mark of the process's resident set (VmHWM in /proc/{pid}/status), read at the end;
// the worker's figure beside the limit it must fit, the smallest Flex Consumption instance (512 MB), and the idle
// worker's own figure after start-up, read before the first upload.
// Run: dotnet run -c Release --project bench/Pcc.HostileMemory
// WORKER_SETTINGS="NAME=value;…" passes settings to the worker's environment, to try runtime knobs (DOTNET_gcConcurrent=0).
using System.Diagnostics;
using Pcc.Functions.Tests.Ingestion;
using Pcc.LocalHost;
using Pcc.Testing;

var azurite = await Azurite.GetAsync();
var options = new LocalHostOptions
{
    Port = 0,
    StartEmulators = false,
    StartMailDev = false,
    StorageConnectionString = azurite.ConnectionString,
    RepositoryRoot = RepositoryRoot.Path,
    HostId = "hostile-memory",
    Seed = false,
};
options.Settings["Logging:LogLevel:Default"] = "Error";
foreach (var setting in (Environment.GetEnvironmentVariable("WORKER_SETTINGS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
{
    options.Settings[setting.Split('=')[0]] = setting.Split('=')[1];
}
await using var host = await LocalFunctionHost.StartAsync(options);
using var http = new HttpClient { BaseAddress = host.FrontDoorAddress };
(await http.GetAsync("api/themes")).EnsureSuccessStatusCode();
var worker = WorkerPid(host.Worker.ProcessId ?? throw new InvalidOperationException("The worker has not started."));
var idle = Kib(worker, "VmRSS");

var documents = HostileCorpus.Bounded.Concat(HostileCorpus.NeedBoundedReaders).Select(HostileCorpus.Create).ToList();
var renderings = RepositoryRoot.Combine("tests", "Pcc.Briefings.Tests", "Fixtures", "Renderings");
documents.AddRange(Directory.GetFiles(renderings).Where(f => Path.GetExtension(f) is ".pdf" or ".docx" or ".html" or ".md" or ".txt")
    .Select(f => ("rendering-" + Path.GetFileName(f), File.ReadAllBytes(f))));

var handled = 0;
var done = new TaskCompletionSource();
host.BlobProcessed += _ => { if (Interlocked.Increment(ref handled) == documents.Count) { done.TrySetResult(); } };
var briefings = host.Storage.GetBlobContainerClient(host.BriefingsContainer);
await briefings.CreateIfNotExistsAsync();
var clock = Stopwatch.StartNew();
foreach (var (name, content) in documents)
{
    await briefings.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
}

await done.Task.WaitAsync(TimeSpan.FromMinutes(15));
var peak = Kib(worker, "VmHWM");
var hostPeak = Kib(Environment.ProcessId, "VmHWM");
Console.WriteLine($"{documents.Count} documents ({HostileCorpus.Bounded.Length + HostileCorpus.NeedBoundedReaders.Length} hostile, {documents.Count - HostileCorpus.Bounded.Length - HostileCorpus.NeedBoundedReaders.Length} renderings) ingested in {clock.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine($"worker peak working set {peak / 1024} MiB (idle after start {idle / 1024} MiB); limit: the 512 MB Flex instance; target <= 400 MB");
Console.WriteLine($"this process (local host, Azurite client, uploads) peak {hostPeak / 1024} MiB");
Console.WriteLine($"worker_peak_mib={peak / 1024} worker_idle_mib={idle / 1024} host_peak_mib={hostPeak / 1024}");

// The worker runs under the local host's Node.js watchdog: its only child.
static int WorkerPid(int watchdog) =>
    int.Parse(File.ReadAllText($"/proc/{watchdog}/task/{watchdog}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);

static long Kib(int pid, string field) =>
    long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
