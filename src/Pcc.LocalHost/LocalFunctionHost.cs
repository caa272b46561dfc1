using Microsoft.Extensions.Logging.Abstractions;
using Pcc.Functions;
using Pcc.Functions.Data;
using Pcc.LocalHost.InProcess;
using Pcc.LocalHost.Emulators;
using Pcc.LocalHost.Settings;
using Pcc.LocalHost.Triggers;
using Pcc.Notifications.Storage;

namespace Pcc.LocalHost;

/// <summary>
/// The Function App on one machine, run the way the Functions host runs it: storage and mail emulators when
/// needed, the custom handler in this process, blob and timer triggers, and the HTTP front door with the admin
/// endpoint. Start it with <see cref="StartAsync"/>; disposing stops everything it started, emulators included.
/// </summary>
public sealed class LocalFunctionHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly ILoggerFactory _loggers;
    private WebApplication? _app;
    private HttpClient? _handlerHttp;

    private LocalFunctionHost(LocalHostOptions options, ILoggerFactory loggers)
    {
        Options = options;
        _loggers = loggers;
    }

    /// <summary>The options the host runs with.</summary>
    public LocalHostOptions Options { get; }

    /// <summary>The front door, e.g. <c>http://127.0.0.1:7071/</c>; the API is under <c>api/</c>.</summary>
    public Uri FrontDoorAddress { get; private set; } = null!;

    /// <summary>The custom handler's own address (what the front door forwards to).</summary>
    public Uri HandlerAddress => Handler.BaseAddress;

    /// <summary>Calls the handler as the host does.</summary>
    public HandlerClient Handler { get; private set; } = null!;

    /// <summary>The emulators, or null when none were asked for.</summary>
    public EmulatorSupervisor? Emulators { get; private set; }

    /// <summary>The <c>AzureWebJobsStorage</c> connection string the app runs with.</summary>
    public string StorageConnectionString { get; private set; } = "";

    /// <summary>The storage account the app runs with.</summary>
    public StorageConnection Storage { get; private set; } = null!;

    /// <summary>The Function App's configuration (app settings, environment, <c>local.settings.json</c>).</summary>
    public IConfiguration Configuration => _app!.Configuration;

    /// <summary>The Function App's services.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Every declared function.</summary>
    public IReadOnlyCollection<FunctionDefinition> Functions { get; private set; } = [];

    /// <summary>The container briefings are uploaded to (<c>Storage:BriefingsContainer</c>, default <c>briefings</c>).</summary>
    public string BriefingsContainer => Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.BriefingsContainer)}"] ?? new StorageOptions().BriefingsContainer;

    /// <summary>The blob receipts of this host id.</summary>
    public BlobReceipts Receipts { get; private set; } = null!;

    /// <summary>The poison queue of failed blob versions.</summary>
    public PoisonQueue PoisonQueue { get; private set; } = null!;

    /// <summary>The timer functions' schedulers, by function name.</summary>
    public IReadOnlyDictionary<string, TimerScheduler> Timers { get; private set; } = new Dictionary<string, TimerScheduler>();

    /// <summary>The blob triggers' listeners.</summary>
    public IReadOnlyList<BlobTriggerListener> BlobListeners { get; private set; } = [];

    /// <summary>Runs functions on demand (the admin endpoint).</summary>
    public OnDemandInvoker Admin { get; private set; } = null!;

    /// <summary>Raised when a blob version has been handled by its function (successfully or poisoned).</summary>
    public event Action<BlobTriggerOutcome>? BlobProcessed;

    /// <summary>Starts the host; on failure whatever had started is stopped again.</summary>
    public static async Task<LocalFunctionHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        var loggers = options.ConfigureLogging is { } configure ? LoggerFactory.Create(configure) : NullLoggerFactory.Instance;
        var host = new LocalFunctionHost(options, loggers);
        try
        {
            await host.StartCoreAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the triggers, the front door, the app and the emulators this host started.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
        if (Admin is not null)
        {
            await Admin.WhenIdleAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        _handlerHttp?.Dispose();
        _loggers.Dispose();
        _stopping.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var logger = _loggers.CreateLogger("Pcc.LocalHost");
        var root = RepositoryLocator.Find(Options.RepositoryRoot);
        await StartEmulatorsAsync(root, logger, cancellationToken);

        var settings = new Dictionary<string, string?>(LocalSettingsFile.Read(root), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Options.Settings)
        {
            settings[key] = value;
        }

        settings[Pcc.Functions.Ingestion.IngestBriefingFunction.Connection] = StorageConnectionString;
        var (app, address) = await FunctionAppRunner.StartAsync(Options, settings, cancellationToken);
        _app = app;
        Functions = FunctionAppRunner.Functions(app);
        // The host's own limit on an invocation is host.json's functionTimeout (10 minutes here).
        _handlerHttp = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        Handler = new HandlerClient(_handlerHttp);
        await Handler.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancellationToken);

        Storage = StorageConnection.FromConnectionString(StorageConnectionString);
        var hosts = Storage.GetBlobContainerClient(BlobReceipts.ContainerName);
        Receipts = new BlobReceipts(hosts, Options.HostId);
        await Receipts.EnsureCreatedAsync(cancellationToken);
        PoisonQueue = new PoisonQueue(PoisonQueue.Client(Storage, Options.PoisonQueueName), Receipts);

        BlobListeners = TriggerSetup.BlobListeners(Functions, Configuration, Storage, Receipts, PoisonQueue, Handler, Options, _loggers);
        Timers = TriggerSetup.TimerSchedulers(Functions, Configuration, new ScheduleStatusStore(hosts, Options.HostId), Handler, Options, _loggers);
        Admin = new OnDemandInvoker(Functions, Timers, Storage, Handler, Options.TimeProvider, logger);

        var frontDoor = await FrontDoor.StartAsync(Options.Port, address, Admin, _stopping.Token);
        _owned.Add(frontDoor);
        FrontDoorAddress = frontDoor.Address;

        await StartTriggersAsync(cancellationToken);
    }

    private async Task StartEmulatorsAsync(string? root, ILogger logger, CancellationToken cancellationToken)
    {
        if (Options.StartEmulators)
        {
            var emulators = await EmulatorSupervisor.StartAsync(Options, root, startAzurite: Options.StorageConnectionString is null, logger, cancellationToken);
            _owned.Add(emulators);
            Emulators = emulators;
        }

        StorageConnectionString = Options.StorageConnectionString
            ?? Emulators?.StorageConnectionString
            ?? "UseDevelopmentStorage=true";
    }

    private async Task StartTriggersAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in BlobListeners)
        {
            listener.Processed += outcome => BlobProcessed?.Invoke(outcome);
            _loops.Add(Task.Run(() => listener.RunAsync(_stopping.Token), CancellationToken.None));
        }

        foreach (var timer in Timers.Values)
        {
            var pastDue = await timer.InitializeAsync(cancellationToken);
            _loops.Add(Task.Run(() => timer.RunAsync(pastDue, _stopping.Token), CancellationToken.None));
        }
    }
}
