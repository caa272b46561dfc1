using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.Functions.Ingestion;
using Pcc.Notifications.Storage;
using Azure.Storage.Blobs;
using Pcc.Testing;

namespace Pcc.Functions.Tests;

/// <summary>
/// The app's services and functions on a free port against the run's Azurite, with its own tables and containers:
/// HTTP functions at their routes under <c>/api</c>, and <c>POST /{FunctionName}</c> for the others, each call made on
/// the <c>[Function]</c> method itself (the local host's in-process runner).
/// </summary>
public sealed class FunctionApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionApp(WebApplication app, Uri baseAddress, BlobContainerClient briefings, BlobContainerClient reports)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = baseAddress };
        Briefings = briefings;
        Reports = reports;
    }

    public HttpClient Http { get; }

    public BlobContainerClient Briefings { get; }

    public BlobContainerClient Reports { get; }

    /// <summary>
    /// Starts the handler. <paramref name="settings"/> add to or override the test settings; <paramref name="services"/>
    /// registers replacements before the app's own registrations (the app adds its time and email defaults only when
    /// none is registered). Links in emails point at this app.
    /// </summary>
    public static async Task<FunctionApp> StartAsync(
        Azurite azurite,
        string? connectionString = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var port = FreePort.Next();
        var id = Guid.NewGuid().ToString("N")[..12];
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString ?? azurite.ConnectionString,
            ["Storage:TablePrefix"] = "t" + id,
            ["Storage:BriefingsContainer"] = "briefings-" + id,
            ["Storage:ReportsContainer"] = "reports-" + id,
            ["Storage:LocksContainer"] = "locks-" + id,
            ["Storage:SecretsContainer"] = "secrets-" + id,
            ["Subscriptions:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = InProcess.InProcessApp.Create(b =>
        {
            b.Configuration.AddInMemoryCollection(all);
            services?.Invoke(b.Services);
        }, port);
        await app.StartAsync();

        var storage = StorageConnection.FromConnectionString(azurite.ConnectionString);
        var briefings = storage.GetBlobContainerClient("briefings-" + id);
        await briefings.CreateIfNotExistsAsync();
        return new FunctionApp(app, new Uri($"http://127.0.0.1:{port}/"), briefings, storage.GetBlobContainerClient("reports-" + id));
    }

    /// <summary>A service of the running app.</summary>
    public T GetRequiredService<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Uploads a briefing (overwriting) and returns its new ETag.</summary>
    public async Task<string> UploadAsync(string name, byte[] content) =>
        (await Briefings.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true)).Value.ETag.ToString();

    /// <summary>Invokes the IngestBriefing function with the blob's name and path, as its trigger binds them.</summary>
    public async Task<HttpResponseMessage> InvokeIngestAsync(string name, byte[] content)
    {
        var payload = new
        {
            Data = new { blob = Convert.ToBase64String(content) },
            Metadata = new Dictionary<string, object>
            {
                // The host JSON-encodes plain strings a second time.
                ["name"] = JsonSerializer.Serialize(name),
                ["BlobTrigger"] = JsonSerializer.Serialize($"{Briefings.Name}/{name}"),
                ["Uri"] = JsonSerializer.Serialize(Briefings.GetBlobClient(name).Uri.ToString()),
                ["Properties"] = new { Length = content.Length },
                ["sys"] = new { MethodName = "IngestBriefing", UtcNow = DateTime.UtcNow },
            },
        };
        return await Http.PostAsJsonAsync("IngestBriefing", payload);
    }

    /// <summary>Runs the ingest IngestBriefing runs for <paramref name="name"/> and returns its outcome.</summary>
    public Task<IngestionOutcome> IngestAsync(string name) => GetRequiredService<BriefingIngestor>().IngestAsync(name, CancellationToken.None);

    /// <summary>Uploads then ingests; returns the outcome the function logs.</summary>
    public async Task<IngestionOutcome> UploadAndIngestAsync(string name, byte[] content)
    {
        await UploadAsync(name, content);
        return await IngestAsync(name);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
