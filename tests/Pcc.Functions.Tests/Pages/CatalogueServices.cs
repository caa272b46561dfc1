using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pcc.Functions.Data;
using Pcc.Functions.Ingestion;
using Pcc.Functions.Pages;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Pages;

/// <summary>
/// The catalogue's services (storage, ingestion, read side, pages) against the run's Azurite, with tables and
/// containers of their own; briefings are ingested by the real ingestor, as the blob trigger would.
/// </summary>
public sealed class CatalogueServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CatalogueServices(ServiceProvider services) => _services = services;

    public static CatalogueServices Create(Azurite azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "t" + id,
            ["Storage:BriefingsContainer"] = "briefings-" + id,
            ["Storage:ReportsContainer"] = "reports-" + id,
            ["Storage:LocksContainer"] = "locks-" + id,
            ["Storage:SecretsContainer"] = "secrets-" + id,
            ["Storage:SummariesContainer"] = "summaries-" + id,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddPccStorage(configuration).AddIngestion(configuration).AddCatalogue(configuration).AddPages(configuration);
        return new CatalogueServices(services.BuildServiceProvider());
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public PccStore Store => Get<PccStore>();

    /// <summary>Uploads a briefing and ingests it as the blob trigger would; returns the outcome.</summary>
    public async Task<IngestionOutcome> IngestAsync(string name, byte[] content)
    {
        await Store.EnsureCreatedAsync();
        await Store.BriefingBlobs.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
        return await Get<BriefingIngestor>().IngestAsync(name, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
