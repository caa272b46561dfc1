using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Functions;
using Pcc.Catalogue.Ingestion;
using Pcc.LocalHost;
using Xunit;

namespace Pcc.Testing.App;

/// <summary>
/// The Function App as its users reach it, once per test collection: the local host running the app's worker process
/// against the run's Azurite, sending email over SMTP to the run's MailDev, links pointing at its own front door; with
/// tables, containers and queues of its own. Tests in a collection share it and keep apart by unique names
/// (<see cref="UniqueBriefingName"/>, <see cref="MailDevFixture.UniqueAddress"/>). A collection that needs other
/// settings derives from it and overrides <see cref="Configure"/>.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private LocalFunctionHost? _host;
    private ServiceProvider? _appServices;

    /// <summary>The collection's unique id, also in its table, container and queue names.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    public Azurite Azurite { get; private set; } = null!;

    public MailDev MailDev { get; private set; } = null!;

    public LocalFunctionHost Host => _host ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>
    /// A client for the front door (HTTP functions, pages and the admin endpoint), sending the host's key as an operator's
    /// tools send it (anonymous routes ignore it); a test of a keyless caller makes its own client.
    /// </summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The container the app's blob trigger watches.</summary>
    public BlobContainerClient Briefings { get; private set; } = null!;

    /// <summary>
    /// The app's own services on the worker's settings, in the test process: to read what the worker stored through the
    /// app's stores, or to prepare a state no request can reach. The worker process runs its own copy.
    /// </summary>
    public IServiceProvider AppServices => _appServices ??= new ServiceCollection()
        .AddLogging()
        .AddSingleton(Host.Configuration)
        .AddPccFunctionApp(Host.Configuration)
        .BuildServiceProvider();

    /// <summary>A service of the app, on the worker's settings (see <see cref="AppServices"/>).</summary>
    public T GetRequiredService<T>() where T : notnull => AppServices.GetRequiredService<T>();

    public Uri Url(string path) => new(Host.FrontDoorAddress, path);

    /// <summary>A blob name no other test uses, ending like <paramref name="name"/> so its format is read from it.</summary>
    public static string UniqueBriefingName(string name = SeedBriefing.Name) => $"{Guid.NewGuid():N}"[..12] + "-" + name;

    /// <summary>The catalogue slug of a blob name, as the app makes it.</summary>
    public static string SlugOf(string blobName) => BriefingSlug.FromBlobName(blobName);

    public async Task InitializeAsync()
    {
        Azurite = await Azurite.GetAsync();
        MailDev = await MailDev.GetAsync();
        _host = await StartHostAsync();
        Http = new HttpClient { BaseAddress = Host.FrontDoorAddress };
        Http.DefaultRequestHeaders.Add(LocalRequestPolicy.KeyHeader, Host.AdminKey);
        Briefings = Host.Storage.GetBlobContainerClient(Host.BriefingsContainer);
        await Briefings.CreateIfNotExistsAsync();

        // The worker pairs a forwarded request with its invocation within 5 seconds or answers 500, as on the Functions
        // host (Worker.Extensions.Http.AspNetCore, DefaultHttpCoordinator); on a loaded machine the worker's first, cold
        // invocation can miss that, so a collection starts once the app has answered a request.
        await Eventually.Async(
            async () => (await Http.GetAsync("api/themes")).StatusCode, s => s == HttpStatusCode.OK, "the app's first answer");
    }

    /// <summary>
    /// Starts the local host on a port found free; should another process bind that port first (between the check and
    /// the front door's bind nothing can hold it for us), starts it again on another.
    /// </summary>
    private async Task<LocalFunctionHost> StartHostAsync()
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var options = Options(Id, Azurite, MailDev);
            Configure(options);
            try
            {
                return await LocalFunctionHost.StartAsync(options);
            }
            catch (IOException ex) when (attempt < attempts && IsAddressInUse(ex))
            {
            }
        }
    }

    private static bool IsAddressInUse(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    public virtual async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_appServices is not null)
        {
            await _appServices.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>
    /// The local host's options for the app on the run's emulators: names made unique by <paramref name="id"/>, a free
    /// front door port, fast scans and retries, email to <paramref name="mailDev"/>, links to its own front door.
    /// </summary>
    public static LocalHostOptions Options(string id, Azurite azurite, MailDev mailDev)
    {
        var port = FreePort.Next();
        var options = UniqueStorage.HostOptions("app-" + id, id, azurite);
        options.Port = port;
        options.Settings["Email:Smtp:Host"] = mailDev.Host;
        options.Settings["Email:Smtp:Port"] = mailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.Settings["Subscriptions:PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        return options;
    }

    /// <summary>Settings or options this collection needs besides the defaults.</summary>
    protected virtual void Configure(LocalHostOptions options)
    {
    }

    /// <summary>Uploads a briefing (overwriting) straight to the container, as an editor's tool would; returns its ETag.</summary>
    public async Task<string> UploadAsync(string name, byte[] content) =>
        (await Briefings.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true)).Value.ETag.ToString();

    /// <summary>Uploads a briefing and waits until the catalogue's current version of it is <paramref name="version"/>; returns the briefing's JSON.</summary>
    public async Task<JsonElement> IngestAsync(string name, byte[] content, int version)
    {
        await UploadAsync(name, content);
        return await WaitForVersionAsync(SlugOf(name), version);
    }

    /// <summary>Uploads a briefing with blob <paramref name="metadata"/> (as Storage Explorer or <c>pcc upload --note</c> would) and waits for <paramref name="version"/>.</summary>
    public async Task<JsonElement> IngestAsync(string name, byte[] content, int version, IDictionary<string, string> metadata)
    {
        await Briefings.GetBlobClient(name).UploadAsync(new BinaryData(content), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = metadata });
        return await WaitForVersionAsync(SlugOf(name), version);
    }

    /// <summary>Waits until <c>GET api/briefings/{slug}</c> shows <paramref name="version"/> as current; returns that JSON.</summary>
    public Task<JsonElement> WaitForVersionAsync(string slug, int version) =>
        Eventually.Async(
            async () => (await Http.GetAsync($"api/briefings/{slug}")) is { StatusCode: HttpStatusCode.OK } r
                ? await r.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            b => b.ValueKind == JsonValueKind.Object && b.GetProperty("currentVersion").GetInt32() == version,
            $"version {version} of {slug}");

    /// <summary>Runs a non-HTTP function now through the host's admin endpoint and waits until it has finished.</summary>
    public async Task RunAsync(string function)
    {
        using var response = await Http.PostAsJsonAsync($"admin/functions/{function}", new { input = "" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Host.Admin.WhenIdleAsync();
    }

    /// <summary>GETs JSON, failing with the body when the answer is not a success.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
