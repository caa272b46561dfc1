using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>
/// The local host started in this process against the run's Azurite, on free ports, with its own host id, tables,
/// containers and poison queue, running a worker: the test worker (<see cref="StartWorkerAsync"/>) or the app.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(LocalFunctionHost host, string id)
    {
        Host = host;
        Id = id;
        Http = new HttpClient { BaseAddress = host.FrontDoorAddress };
        Http.DefaultRequestHeaders.Add(LocalRequestPolicy.KeyHeader, host.AdminKey);
        Briefings = host.Storage.GetBlobContainerClient(host.BriefingsContainer);
    }

    public LocalFunctionHost Host { get; }

    /// <summary>The test's unique id, also in its container and table names.</summary>
    public string Id { get; }

    /// <summary>A client for the front door, sending the host's key.</summary>
    public HttpClient Http { get; }

    public BlobContainerClient Briefings { get; }

    /// <summary>The test worker's inbox (its blob trigger's container).</summary>
    public BlobContainerClient Inbox => Host.Storage.GetBlobContainerClient(Host.Configuration["TestWorker:Inbox"]!);

    /// <summary>Where the test worker's functions record what they saw.</summary>
    public BlobContainerClient Results => Host.Storage.GetBlobContainerClient(Host.Configuration["TestWorker:Results"]!);

    /// <summary>Options for a test: no emulators, fast scans and retries, unique names throughout.</summary>
    public static LocalHostOptions Options(Azurite azurite, string id) => UniqueStorage.HostOptions("test-" + id, id, azurite);

    /// <summary>The host running the Function App (src/Pcc.Functions).</summary>
    public static Task<TestHost> StartAsync(Azurite azurite, Action<LocalHostOptions>? configure = null) => StartAsync(azurite, null, configure);

    /// <summary>The host running the test worker, with containers of its own.</summary>
    public static Task<TestHost> StartWorkerAsync(Azurite azurite, Action<LocalHostOptions>? configure = null) => StartAsync(azurite, TestWorkerApp.Directory, configure);

    public async Task<string> UploadAsync(BlobContainerClient container, string name, byte[] content)
    {
        await container.CreateIfNotExistsAsync();
        return (await container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true)).Value.ETag.ToString();
    }

    public async Task<JsonElement> GetJsonAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>The text of result <paramref name="name"/>, or null while there is none.</summary>
    public async Task<string?> ResultAsync(string name)
    {
        try
        {
            return Encoding.UTF8.GetString((await Results.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray());
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The names of the results starting with <paramref name="prefix"/>.</summary>
    public async Task<List<string>> ResultNamesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var item in Results.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, default))
        {
            names.Add(item.Name);
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    private static async Task<TestHost> StartAsync(Azurite azurite, string? appDirectory, Action<LocalHostOptions>? configure)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var options = Options(azurite, id);
        options.AppDirectory = appDirectory;
        if (appDirectory is not null)
        {
            foreach (var (key, value) in TestWorkerApp.Settings(azurite.ConnectionString, id))
            {
                options.Settings[key] = value;
            }
        }

        configure?.Invoke(options);
        var host = await LocalFunctionHost.StartAsync(options);
        var test = new TestHost(host, id);
        await test.Briefings.CreateIfNotExistsAsync();
        if (host.Configuration["TestWorker:Results"] is { Length: > 0 })
        {
            await test.Results.CreateIfNotExistsAsync();
        }

        return test;
    }
}
