using System.Net;
using System.Net.Http.Json;
using Pcc.LocalHost;
using Azure.Storage.Blobs;
using Pcc.Testing;

namespace Pcc.Pages.Tests.Support;

/// <summary>
/// The Function App as a reader reaches it: the local host running its worker against the run's Azurite, email over
/// SMTP to the run's MailDev, links pointing at the host's own front door; tables and containers of its own.
/// </summary>
public sealed class Site : IAsyncDisposable
{
    private Site(LocalFunctionHost host, string id)
    {
        Host = host;
        Id = id;
        Http = new HttpClient { BaseAddress = host.FrontDoorAddress };
        Briefings = host.Storage.GetBlobContainerClient(host.BriefingsContainer);
    }

    public LocalFunctionHost Host { get; }

    public string Id { get; }

    public HttpClient Http { get; }

    public BlobContainerClient Briefings { get; }

    public Uri Url(string path) => new(Host.FrontDoorAddress, path);

    public static async Task<Site> StartAsync(Azurite azurite, MailDev mailDev)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var port = FreePort.Next();
        var options = new LocalHostOptions
        {
            Port = port,
            StartEmulators = false,
            StorageConnectionString = azurite.ConnectionString,
            HostId = "pages-" + id,
            ScanInterval = TimeSpan.FromMilliseconds(200),
            RetryDelay = TimeSpan.FromMilliseconds(50),
            PoisonQueueName = "poison-" + id,
            RepositoryRoot = RepositoryRoot.Path,
            Seed = false,
            Settings =
            {
                ["Storage:TablePrefix"] = "t" + id,
                ["Storage:BriefingsContainer"] = "briefings-" + id,
                ["Storage:ReportsContainer"] = "reports-" + id,
                ["Storage:LocksContainer"] = "locks-" + id,
                ["Storage:SecretsContainer"] = "secrets-" + id,
                ["Storage:SummariesContainer"] = "summaries-" + id,
                ["Email:Smtp:Host"] = mailDev.Host,
                ["Email:Smtp:Port"] = mailDev.SmtpPort.ToString(),
                ["Subscriptions:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
                ["Logging:LogLevel:Default"] = "Warning",
            },
        };
        var host = await LocalFunctionHost.StartAsync(options);
        var site = new Site(host, id);
        await site.Briefings.CreateIfNotExistsAsync();
        return site;
    }

    /// <summary>Uploads a briefing straight to the container and waits until its version <paramref name="version"/> is current.</summary>
    public async Task IngestAsync(string name, byte[] content, int version)
    {
        await Briefings.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
        var slug = Pcc.Functions.Ingestion.BriefingSlug.FromBlobName(name);
        await EventuallyAsync(async () =>
        {
            using var response = await Http.GetAsync($"api/briefings/{slug}");
            return response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("currentVersion").GetInt32() == version;
        }, $"version {version} of {name}");
    }

    /// <summary>Runs a timer function now through the host's admin endpoint and waits until it has finished.</summary>
    public async Task RunAsync(string function)
    {
        using var response = await Http.PostAsJsonAsync($"admin/functions/{function}", new { input = "" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Host.Admin.WhenIdleAsync();
    }

    public static async Task EventuallyAsync(Func<Task<bool>> probe, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
