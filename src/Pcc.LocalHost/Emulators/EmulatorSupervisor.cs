namespace Pcc.LocalHost.Emulators;

/// <summary>
/// Makes sure Azurite and MailDev are there: an emulator already listening on its ports is used as it is;
/// otherwise it is started from the repository's <c>node_modules</c> (running <c>npm ci</c> first when needed),
/// in memory, on loopback. Only emulators this supervisor started are stopped when it is disposed.
/// </summary>
public sealed class EmulatorSupervisor : IAsyncDisposable
{
    /// <summary>The development account's well-known key, published in Azurite's README.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private readonly List<EmulatorProcess> _started = [];

    private EmulatorSupervisor(LocalHostOptions options)
    {
        BlobEndpoint = new Uri($"http://127.0.0.1:{options.BlobPort}/devstoreaccount1");
        QueueEndpoint = new Uri($"http://127.0.0.1:{options.QueuePort}/devstoreaccount1");
        TableEndpoint = new Uri($"http://127.0.0.1:{options.TablePort}/devstoreaccount1");
        MailWebUri = new Uri($"http://127.0.0.1:{options.MailWebPort}");
        SmtpPort = options.SmtpPort;
    }

    /// <summary>Azurite's blob endpoint.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Azurite's queue endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>Azurite's table endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>MailDev's web UI.</summary>
    public Uri MailWebUri { get; }

    /// <summary>MailDev's SMTP port.</summary>
    public int SmtpPort { get; }

    /// <summary>The emulators this supervisor started (and will stop).</summary>
    public IReadOnlyList<EmulatorProcess> Started => _started;

    /// <summary>A connection string for the development account on these endpoints.</summary>
    public string StorageConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>
    /// Ensures Azurite (unless <paramref name="startAzurite"/> is false) and MailDev (when <see cref="LocalHostOptions.StartMailDev"/>)
    /// run on the configured ports.
    /// </summary>
    public static async Task<EmulatorSupervisor> StartAsync(LocalHostOptions options, string? repositoryRoot, bool startAzurite, ILogger logger, CancellationToken cancellationToken)
    {
        var supervisor = new EmulatorSupervisor(options);
        try
        {
            if (startAzurite)
            {
                await supervisor.StartAzuriteAsync(options, repositoryRoot, logger, cancellationToken);
            }

            if (options.StartMailDev)
            {
                await supervisor.EnsureAsync("MailDev", NodeModules.MailDev, [options.SmtpPort, options.MailWebPort],
                    ["--smtp", options.SmtpPort.ToString(), "--web", options.MailWebPort.ToString(), "--ip", "127.0.0.1"],
                    repositoryRoot, logger, cancellationToken);
            }

            return supervisor;
        }
        catch
        {
            await supervisor.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the emulators this supervisor started.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var emulator in _started)
        {
            await emulator.DisposeAsync();
        }
    }

    private Task StartAzuriteAsync(LocalHostOptions options, string? repositoryRoot, ILogger logger, CancellationToken cancellationToken) =>
        EnsureAsync("Azurite", NodeModules.Azurite, [options.BlobPort, options.QueuePort, options.TablePort],
            [
                "--silent", "--inMemoryPersistence", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", options.BlobPort.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", options.QueuePort.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", options.TablePort.ToString(),
            ], repositoryRoot, logger, cancellationToken);

    private async Task EnsureAsync(string name, string script, int[] ports, string[] arguments, string? root, ILogger logger, CancellationToken cancellationToken)
    {
        var listening = new List<int>();
        foreach (var port in ports)
        {
            if (await PortProbe.IsListeningAsync(port, cancellationToken))
            {
                listening.Add(port);
            }
        }

        if (listening.Count == ports.Length)
        {
            logger.LogInformation("{Emulator} is already listening on {Ports}; using it", name, string.Join(", ", ports));
            return;
        }

        if (listening.Count > 0)
        {
            throw new InvalidOperationException(
                $"Port(s) {string.Join(", ", listening)} are taken by something else, so {name} cannot start on {string.Join(", ", ports)}. " +
                "Stop that program or choose other ports.");
        }

        if (root is null)
        {
            throw new InvalidOperationException(
                $"{name} is not running and there is no repository checkout (a folder with PccFunctions.sln) to start it from. " +
                "Run from the checkout, or pass --storage \"<connection string>\".");
        }

        await NodeModules.EnsureInstalledAsync(root, logger, cancellationToken);
        var emulator = EmulatorProcess.Start(name, root, script, arguments);
        _started.Add(emulator);
        await emulator.WaitForPortsAsync(ports, s_startTimeout, cancellationToken);
        logger.LogInformation("Started {Emulator} (pid {Pid}) on {Ports}", name, emulator.ProcessId, string.Join(", ", ports));
    }
}
