using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pcc.LocalHost.InProcess;
using Azure.Storage.Blobs;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>
/// The local host started in this process against the run's Azurite, on free ports, with its own host id, tables,
/// containers and poison queue, and an <see cref="InvocationLog"/> for the test functions it is given.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(LocalFunctionHost host, InvocationLog log, string id)
    {
        Host = host;
        Log = log;
        Id = id;
        Http = new HttpClient { BaseAddress = host.FrontDoorAddress };
        Briefings = host.Storage.GetBlobContainerClient(host.BriefingsContainer);
    }

    public LocalFunctionHost Host { get; }

    public InvocationLog Log { get; }

    /// <summary>The test's unique id, also in its container and table names.</summary>
    public string Id { get; }

    /// <summary>A client for the front door.</summary>
    public HttpClient Http { get; }

    public BlobContainerClient Briefings { get; }

    /// <summary>Options for a test: no emulators, fast scans and retries, unique names throughout.</summary>
    public static LocalHostOptions Options(Azurite azurite, string id) => new()
    {
        Port = 0,
        StartEmulators = false,
        StorageConnectionString = azurite.ConnectionString,
        HostId = "test-" + id,
        ScanInterval = TimeSpan.FromMilliseconds(200),
        RetryDelay = TimeSpan.FromMilliseconds(50),
        PoisonQueueName = "poison-" + id,
        RepositoryRoot = RepositoryRoot.Path,
        Settings =
        {
            ["Storage:TablePrefix"] = "t" + id,
            ["Storage:BriefingsContainer"] = "briefings-" + id,
            ["Storage:ReportsContainer"] = "reports-" + id,
            ["Storage:LocksContainer"] = "locks-" + id,
            ["Logging:LogLevel:Default"] = "Warning",
        },
    };

    public static async Task<TestHost> StartAsync(Azurite azurite, Action<LocalHostOptions>? configure = null, params FunctionDefinition[] functions)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var log = new InvocationLog();
        var options = Options(azurite, id);
        foreach (var function in functions)
        {
            options.AdditionalFunctions.Add(function);
        }

        options.ConfigureApp = b => b.Services.AddSingleton(log);
        configure?.Invoke(options);
        var host = await LocalFunctionHost.StartAsync(options);
        var test = new TestHost(host, log, id);
        await test.Briefings.CreateIfNotExistsAsync();
        return test;
    }

    public async Task<string> UploadAsync(BlobContainerClient container, string name, byte[] content) =>
        (await container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true)).Value.ETag.ToString();

    public async Task<JsonElement> GetJsonAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>Polls <paramref name="probe"/> until it holds, failing after <paramref name="timeout"/> (default 30 s).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (holds(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting for {what}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
