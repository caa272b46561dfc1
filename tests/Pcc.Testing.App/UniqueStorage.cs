using Pcc.LocalHost;

namespace Pcc.Testing.App;

/// <summary>The app's storage settings naming tables, containers and the digest queue of their own, so tests never share rows.</summary>
public static class UniqueStorage
{
    /// <summary>Every storage name the app reads from settings, made unique by <paramref name="id"/> (lower-case letters and digits).</summary>
    public static Dictionary<string, string?> Settings(string id) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:TablePrefix"] = "t" + id,
        ["Storage:BriefingsContainer"] = "briefings-" + id,
        ["Storage:ReportsContainer"] = "reports-" + id,
        ["Storage:LocksContainer"] = "locks-" + id,
        ["Storage:SecretsContainer"] = "secrets-" + id,
        ["Storage:SummariesContainer"] = "summaries-" + id,
        ["Storage:DigestBatchesContainer"] = "batches-" + id,
        ["DigestBatchQueue"] = "digests-" + id,
    };

    /// <summary>
    /// A local host for a test: no emulators of its own (the run's Azurite), a front door on any free port, fast scans,
    /// polls and retries, its own host id and poison queue, the <see cref="Settings"/> names, warnings only.
    /// </summary>
    public static LocalHostOptions HostOptions(string hostId, string id, Azurite azurite)
    {
        var options = new LocalHostOptions
        {
            Port = 0,
            StartEmulators = false,
            StorageConnectionString = azurite.ConnectionString,
            HostId = hostId,
            ScanInterval = TimeSpan.FromMilliseconds(200),
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(200),
            RetryDelay = TimeSpan.FromMilliseconds(50),
            PoisonQueueName = "poison-" + id,
            RepositoryRoot = RepositoryRoot.Path,
            Seed = false,
            Settings = { ["Logging:LogLevel:Default"] = "Warning" },
        };
        foreach (var (key, value) in Settings(id))
        {
            options.Settings[key] = value;
        }

        return options;
    }
}
