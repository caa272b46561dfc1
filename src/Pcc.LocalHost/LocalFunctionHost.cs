using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Pcc.LocalHost.Emulators;
using Pcc.LocalHost.Settings;
using Pcc.LocalHost.Triggers;
using Pcc.LocalHost.Worker;
using Pcc.Platform.Storage;

namespace Pcc.LocalHost;

/// <summary>
/// The Function App on one machine, run the way the Functions host runs it: storage and mail emulators when
/// needed, the app's worker process over the Functions worker protocol, blob and timer triggers, and the HTTP front
/// door with the admin endpoint. Start it with <see cref="StartAsync"/>; disposing stops everything it started, emulators included.
/// </summary>
public sealed class LocalFunctionHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly ILoggerFactory _loggers;

    private LocalFunctionHost(LocalHostOptions options, ILoggerFactory loggers)
    {
        Options = options;
        _loggers = loggers;
        AdminKey = options.AdminKey is { Length: > 0 } key ? key : System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>The options the host runs with.</summary>
    public LocalHostOptions Options { get; }

    /// <summary>The front door, e.g. <c>http://127.0.0.1:7071/</c>; the API is under <c>api/</c>.</summary>
    public Uri FrontDoorAddress { get; private set; } = null!;

    /// <summary>The app's worker process and its protocol.</summary>
    public FunctionWorker Worker { get; private set; } = null!;

    /// <summary>The key <c>/admin/*</c> and function-level routes need (<see cref="LocalHostOptions.AdminKey"/>, or this run's own).</summary>
    public string AdminKey { get; } = "";

    /// <summary>The emulators, or null when none were asked for.</summary>
    public EmulatorSupervisor? Emulators { get; private set; }

    /// <summary>The <c>AzureWebJobsStorage</c> connection string the app runs with; empty with identity-based settings.</summary>
    public string StorageConnectionString { get; private set; } = "";

    /// <summary>The storage account the app runs with.</summary>
    public StorageConnection Storage { get; private set; } = null!;

    /// <summary>The app settings (<c>local.settings.json</c>, the options' settings, then the environment).</summary>
    public IConfiguration Configuration { get; private set; } = null!;

    /// <summary>The app's functions, as its worker described them.</summary>
    public IReadOnlyList<WorkerFunction> Functions => Worker.Functions;

    /// <summary>The container briefings are uploaded to (<c>Storage:BriefingsContainer</c>, default <c>briefings</c>).</summary>
    public string BriefingsContainer => Configuration[TriggerSetup.BriefingsContainerSetting] is { Length: > 0 } configured ? configured : TriggerSetup.DefaultBriefingsContainer;

    /// <summary>The blob receipts of this host id.</summary>
    public BlobReceipts Receipts { get; private set; } = null!;

    /// <summary>The poison queue of failed blob versions.</summary>
    public PoisonQueue PoisonQueue { get; private set; } = null!;

    /// <summary>The timer functions' schedulers, by function name.</summary>
    public IReadOnlyDictionary<string, TimerScheduler> Timers { get; private set; } = new Dictionary<string, TimerScheduler>();

    /// <summary>The blob triggers' listeners.</summary>
    public IReadOnlyList<BlobTriggerListener> BlobListeners { get; private set; } = [];

    /// <summary>The queue triggers' listeners.</summary>
    public IReadOnlyList<QueueTriggerListener> QueueListeners { get; private set; } = [];

    /// <summary>Runs functions on demand (the admin endpoint).</summary>
    public OnDemandInvoker Admin { get; private set; } = null!;

    /// <summary>Raised when a blob version has been handled by its function (successfully or poisoned).</summary>
    public event Action<BlobTriggerOutcome>? BlobProcessed;

    /// <summary>Raised when a delivery of a queue message has been handled by its function (deleted, retried later or poisoned).</summary>
    public event Action<QueueTriggerOutcome>? QueueProcessed;

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

        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        _loggers.Dispose();
        _stopping.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var logger = _loggers.CreateLogger("Pcc.LocalHost");
        var root = RepositoryLocator.Find(Options.RepositoryRoot);
        var fileValues = LocalSettingsFile.YieldToEnvironment(LocalSettingsFile.Read(root), Environment.GetEnvironmentVariable, out var skipped);
        foreach (var key in skipped)
        {
            logger.LogWarning("Skipping '{Key}' from local settings as it's already defined in current environment variables.", key);
        }

        // The file's values, then the host's own (command line, tests), which win over the environment as well.
        var settings = new Dictionary<string, string?>(fileValues, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Options.Settings)
        {
            settings[key] = value;
        }

        // Identity-based settings (AzureWebJobsStorage__blobServiceUri, __credential, ...), as Azure sets them, serve the
        // app and the host alike; otherwise both run on the connection string the host was given or started. Either way a
        // connection string from local.settings.json is not used.
        var identityBased = Options.StorageConnectionString is null && HasIdentityBasedStorage(settings);
        await StartEmulatorsAsync(root, identityBased, logger, cancellationToken);
        if (identityBased)
        {
            settings.Remove(TriggerSetup.DefaultConnection);
        }
        else
        {
            settings[TriggerSetup.DefaultConnection] = StorageConnectionString;
        }

        if (Emulators is { } emulators && Options.StartMailDev && !Options.Settings.ContainsKey("Email:Smtp:Port"))
        {
            // The app's mail goes to the MailDev this host started or found, as its storage goes to that Azurite.
            settings["Email:Smtp:Host"] = "127.0.0.1";
            settings["Email:Smtp:Port"] = emulators.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        var app = WorkerConfig.Read(Options.AppDirectory ?? FunctionAppBuild.Directory(root));
        var limits = new InvocationLimits(Options.FunctionTimeout ?? FunctionTimeout.Read(app.AppDirectory), Options.CancellationGracePeriod);
        Worker = await FunctionWorker.StartAsync(app, settings, limits, _loggers, cancellationToken);
        _owned.Add(Worker);

        Storage = identityBased
            ? StorageConnection.FromConfiguration(Configuration, TriggerSetup.DefaultConnection, transport: Options.StorageTransport)
            : StorageConnection.FromConnectionString(StorageConnectionString);
        var hosts = Storage.GetBlobContainerClient(BlobReceipts.ContainerName);
        Receipts = new BlobReceipts(hosts, Options.HostId);
        await Receipts.EnsureCreatedAsync(cancellationToken);
        PoisonQueue = new PoisonQueue(PoisonQueue.Client(Storage, Options.PoisonQueueName), Receipts);

        BlobListeners = TriggerSetup.BlobListeners(Worker, Configuration, Storage, Receipts, PoisonQueue, Options, _loggers);
        QueueListeners = TriggerSetup.QueueListeners(Worker, Configuration, Storage, Options, _loggers);
        Timers = TriggerSetup.TimerSchedulers(Worker, Configuration, new ScheduleStatusStore(hosts, Options.HostId), Options, _loggers);
        Admin = new OnDemandInvoker(Worker, Timers, Configuration, Storage, logger);

        var frontDoor = await FrontDoor.StartAsync(Options.Port, Worker, HttpRoutePrefix.Read(app.AppDirectory), Admin, AdminKey, _stopping.Token);
        _owned.Add(frontDoor);
        FrontDoorAddress = frontDoor.Address;

        await StartTriggersAsync(cancellationToken);
    }

    private static bool HasIdentityBasedStorage(IReadOnlyDictionary<string, string?> settings) =>
        settings.Keys.Any(k => k.StartsWith(TriggerSetup.DefaultConnection + ":", StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariables().Keys.OfType<string>().Any(k => k.StartsWith(TriggerSetup.DefaultConnection + "__", StringComparison.OrdinalIgnoreCase));

    private async Task StartEmulatorsAsync(string? root, bool identityBased, ILogger logger, CancellationToken cancellationToken)
    {
        if (Options.StartEmulators)
        {
            var emulators = await EmulatorSupervisor.StartAsync(Options, root, startAzurite: Options.StorageConnectionString is null && !identityBased, logger, cancellationToken);
            _owned.Add(emulators);
            Emulators = emulators;
        }

        StorageConnectionString = identityBased
            ? ""
            : Options.StorageConnectionString ?? Emulators?.StorageConnectionString ?? "UseDevelopmentStorage=true";
    }

    private async Task StartTriggersAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in BlobListeners)
        {
            listener.Processed += outcome => BlobProcessed?.Invoke(outcome);
            _loops.Add(Task.Run(() => listener.RunAsync(_stopping.Token), CancellationToken.None));
        }

        foreach (var listener in QueueListeners)
        {
            listener.Processed += outcome => QueueProcessed?.Invoke(outcome);
            _loops.Add(Task.Run(() => listener.RunAsync(_stopping.Token), CancellationToken.None));
        }

        foreach (var timer in Timers.Values)
        {
            var pastDue = await timer.InitializeAsync(cancellationToken);
            _loops.Add(Task.Run(() => timer.RunAsync(pastDue, _stopping.Token), CancellationToken.None));
        }
    }
}
