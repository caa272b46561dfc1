using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Functions;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;

namespace Pcc.Testing.App;

/// <summary>
/// The app's services without a host, on their own tables and containers in the run's Azurite: for fast tests of
/// services, and for the tests that move a fake clock, record email or point the app at an unreachable account, which
/// a worker on the real clock cannot do.
/// </summary>
public sealed class HostlessApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private HostlessApp(ServiceProvider services) => _services = services;

    public PccStore Store => GetRequiredService<PccStore>();

    public BlobContainerClient Briefings => Store.BriefingBlobs;

    /// <summary>
    /// Builds the services. <paramref name="connectionString"/> replaces the run's Azurite as the app's storage;
    /// <paramref name="settings"/> add to the defaults; <paramref name="services"/> registers replacements (an email
    /// transport) before the app's own registrations, which add their defaults only where none is registered.
    /// </summary>
    public static async Task<HostlessApp> CreateAsync(
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? connectionString = null,
        Action<IServiceCollection>? services = null)
    {
        var azurite = await Azurite.GetAsync();
        var id = Guid.NewGuid().ToString("N")[..12];
        var all = UniqueStorage.Settings(id);
        all["AzureWebJobsStorage"] = connectionString ?? azurite.ConnectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        services?.Invoke(collection);
        var app = new HostlessApp(collection.AddPccFunctionApp(configuration).BuildServiceProvider());
        if (connectionString is null)
        {
            await app.Store.EnsureCreatedAsync();
        }

        return app;
    }

    public T GetRequiredService<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Uploads a briefing (overwriting); returns its ETag as the app's keys spell it.</summary>
    public async Task<string> UploadAsync(string name, byte[] content) =>
        IngestionPaths.Sanitise((await Briefings.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true)).Value.ETag.ToString());

    /// <summary>Uploads and runs the ingest IngestBriefing runs; returns its outcome.</summary>
    public async Task<IngestionOutcome> UploadAndIngestAsync(string name, byte[] content)
    {
        await UploadAsync(name, content);
        return await GetRequiredService<BriefingIngestor>().IngestAsync(name, CancellationToken.None);
    }

    /// <summary>What <c>GET api/briefings/{slug}</c> answers an editor.</summary>
    public async Task<BriefingView> BriefingAsync(string slug) =>
        await GetRequiredService<CatalogueReader>().BriefingAsync(slug, editor: true, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException($"No briefing {slug}.");

    /// <summary>What <c>GET api/case-studies</c> answers.</summary>
    public Task<IReadOnlyList<CaseStudyView>> CaseStudiesAsync() => GetRequiredService<CatalogueReader>().CaseStudiesAsync(null, CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
