namespace Pcc.LocalHost;

/// <summary>
/// How the local host runs. Defaults match the Functions Core Tools and the emulators' own defaults; tests
/// set free ports, their own storage and host id. Bound from the command line and the <c>LocalHost</c> section.
/// </summary>
public sealed class LocalHostOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "LocalHost";

    /// <summary>The front door's port (<c>http://127.0.0.1:{port}/api/</c>); 0 picks a free one.</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Start Azurite and MailDev when nothing listens on their ports.</summary>
    public bool StartEmulators { get; set; } = true;

    /// <summary>A storage connection string to use instead of a local Azurite; nothing is started for storage when set.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>
    /// The HTTP transport of the host's own clients for identity-based storage settings; null: the SDK's. Lets a test
    /// trust an HTTPS emulator's certificate in this process only (the worker trusts it through <c>SSL_CERT_DIR</c>).
    /// </summary>
    public Azure.Core.Pipeline.HttpPipelineTransport? StorageTransport { get; set; }

    /// <summary>Azurite's blob port.</summary>
    public int BlobPort { get; set; } = 10000;

    /// <summary>Azurite's queue port.</summary>
    public int QueuePort { get; set; } = 10001;

    /// <summary>Azurite's table port.</summary>
    public int TablePort { get; set; } = 10002;

    /// <summary>MailDev's SMTP port.</summary>
    public int SmtpPort { get; set; } = 1025;

    /// <summary>MailDev's web UI port.</summary>
    public int MailWebPort { get; set; } = 1080;

    /// <summary>Start MailDev (only when <see cref="StartEmulators"/> is set too).</summary>
    public bool StartMailDev { get; set; } = true;

    /// <summary>
    /// The host's key, as deployed Azure's master key: <c>/admin/*</c> needs it in <c>x-functions-key</c>, function-level
    /// HTTP routes in <c>x-functions-key</c> or <c>?code=</c>. Null: a new key for each run, printed at start-up.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>Names this host's receipts and timer status under <c>azure-webjobs-hosts</c>, as the Functions host id does.</summary>
    public string HostId { get; set; } = "pcc-localhost";

    /// <summary>How often each blob-triggered container is listed while nothing is arriving.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a container is listed while uploads are arriving: for <see cref="BusyWindow"/> after a scan found a new
    /// blob version. An editor's second and later uploads are picked up within this instead of <see cref="ScanInterval"/>,
    /// and an idle host lists no more often than before.
    /// </summary>
    public TimeSpan BusyScanInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long after a scan found a new blob version the container is listed every <see cref="BusyScanInterval"/>.</summary>
    public TimeSpan BusyWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The pause between failed attempts of one blob-triggered invocation.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Attempts per blob version before it goes to the poison queue (the host's <c>maxDequeueCount</c>, 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Blob-triggered invocations running at once (host.json <c>extensions.blobs.maxDegreeOfParallelism</c>).</summary>
    public int MaxParallelInvocations { get; set; } = 4;

    /// <summary>How often an empty queue is polled at the longest (the host's <c>maxPollingInterval</c>, shorter here for development).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages received per poll (the host's <c>batchSize</c>).</summary>
    public int QueueBatchSize { get; set; } = 16;

    /// <summary>Deliveries of a queue message before it goes to <c>{queue}-poison</c> (the host's <c>maxDequeueCount</c>).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a failed queue message stays invisible before its next delivery (the host's <c>visibilityTimeout</c>).</summary>
    public TimeSpan QueueRetryDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long an invocation may run before the host cancels it and fails it as timed out; null: the app's host.json
    /// <c>functionTimeout</c> (<see cref="Worker.FunctionTimeout"/>). Tests and <c>--function-timeout</c> set a short one.
    /// </summary>
    public TimeSpan? FunctionTimeout { get; set; }

    /// <summary>
    /// How long a cancelled invocation is given to answer: after a timeout, before its worker is restarted; when the
    /// host stops, before the worker is terminated (the Functions host's <c>ProcessShutdownTimeout</c>, 10 s).
    /// </summary>
    public TimeSpan CancellationGracePeriod { get; set; } = Worker.InvocationLimits.Default.GracePeriod;

    /// <summary>The queue failed blobs go to.</summary>
    public string PoisonQueueName { get; set; } = Triggers.PoisonQueue.DefaultName;

    /// <summary>Upload the sample briefings when the briefings container is empty, and report their ingest.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>The repository checkout (for <c>node_modules</c>, <c>seeds/</c> and <c>local.settings.json</c>); found by walking up when null.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>App settings passed to the Function App, over <c>local.settings.json</c> and the environment.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The Function App's build or publish folder (with <c>worker.config.json</c>); null: the build output of the
    /// repository's Function App (<see cref="FunctionAppBuild"/>), which must be built first: this host does not build it.
    /// </summary>
    public string? AppDirectory { get; set; }

    /// <summary>Logging for the host and the worker's logs; when null the host logs nothing.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>The clock timers run on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
