using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pcc.Briefings;
using Pcc.Briefings.Reading;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Digests;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Attempts;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Ingestion.Review;
using Pcc.Catalogue.Ingestion.Uploads;
using Pcc.Catalogue.PersonalData;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Related;
using Pcc.Catalogue.Search;
using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Summaries;
using Pcc.Notifications.Subscriptions;
using Pcc.Platform.Storage;

namespace Pcc.Catalogue;

/// <summary>Registration of the catalogue: the worker, the CLI, the tests and the benchmarks all call <see cref="AddCatalogue"/>.</summary>
public static class CatalogueServiceCollectionExtensions
{
    /// <summary>
    /// The app's storage (<see cref="PccStore"/>, section <c>Storage</c>) and the Azure SDK's clients for the connection
    /// it names; the theme taxonomy (section <c>Catalogue</c>); document reading limits and the ingest pipeline (section
    /// <c>Ingestion</c>) with held versions, reports, the ingest log and editors' uploads; the read side with related case
    /// studies; search (section <c>Search</c>: the synonyms file).
    /// </summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration);
        services.AddThemes();
        services.AddIngestion();
        services.AddSingleton<RelatedCaseStudies>();
        services.AddSingleton<CatalogueReader>();
        services.AddSingleton<RecentChanges>();
        services.AddSingleton<BriefingContents>();
        services.AddSingleton<ReportReader>();
        services.AddSingleton<IngestLog>();
        services.AddSingleton<BriefingUploads>();
        services.AddSearch();
        return services;
    }

    /// <summary>
    /// The catalogue's changes as the digests read them (<see cref="CatalogueDigestSource"/>, which the app registers as
    /// the digests' <c>IDigestSource</c>) and the weekly summary (<see cref="WeeklySummaryService"/>, stored ones read
    /// with <see cref="SummaryArchive"/>). Besides
    /// <see cref="AddCatalogue"/>, they need what the app registers from Pcc.Notifications: the subscriber store and
    /// links, the email transport, and the <c>Notifications</c> (editors) and <c>Digests</c> options.
    /// </summary>
    public static IServiceCollection AddCatalogueDigests(this IServiceCollection services)
    {
        services.AddSingleton<CatalogueDigestSource>();
        services.AddSingleton<WeeklySummaryService>();
        services.AddSingleton<SummaryArchive>();
        return services;
    }

    /// <summary>
    /// The subscriber list in the app's tables, as the Function App and <c>pcc subscribers</c> both use it:
    /// <see cref="SubscriberKeys"/> (its key blob in the secrets container), <see cref="SubscriberStore"/> and
    /// <see cref="SubscriberData"/> (one person's data, for export and erasure). Needs <see cref="AddCatalogue"/>.
    /// </summary>
    public static IServiceCollection AddCatalogueSubscribers(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SubscriberKeys(new TokenSecretStore(sp.GetRequiredService<PccStore>().Secrets, null, SubscriberKeys.BlobName)));
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<PccStore>();
            return new SubscriberStore(store.Subscribers, sp.GetRequiredService<SubscriberKeys>(), store.EnsureCreatedAsync);
        });
        services.AddSingleton<SubscriberData>();
        services.AddSingleton<CatalogueFollowTitles>();
        services.AddSingleton<IFollowTitles>(sp => sp.GetRequiredService<CatalogueFollowTitles>());
        return services;
    }

    /// <summary>
    /// The Azure SDK's storage clients for the connection named by <c>Storage:Connection</c> (default
    /// <c>AzureWebJobsStorage</c>, resolved as the Functions host resolves it) and the app's tables and containers.
    /// </summary>
    private static void AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        // The clients are registered before any options exist, so the connection's name is read here, once.
        var connection = configuration.GetSection(StorageOptions.Section)["Connection"] ?? new StorageOptions().Connection;
        services.AddStorageClients(StorageConnection.FromConfiguration(configuration, connection));
        services.AddSingleton<PccStore>();
        services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>The theme taxonomy: the built-in themes, or the file <c>Catalogue:ThemesFile</c> names.</summary>
    private static void AddThemes(this IServiceCollection services)
    {
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogueOptions>, CatalogueOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CatalogueOptions>>().Value.ThemesFile is { Length: > 0 } themesFile
            ? ThemeTaxonomy.LoadFile(themesFile)
            : ThemeTaxonomy.Default);
    }

    /// <summary>Search: the built-in synonyms list, or the file <c>Search:SynonymsFile</c> names, and the catalogue's index.</summary>
    private static void AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SearchOptions>>().Value.SynonymsFile is { Length: > 0 } synonymsFile
            ? Synonyms.LoadFile(synonymsFile)
            : Synonyms.Default);
        services.AddSingleton<CatalogueSearch>();
    }

    /// <summary>Document reading limits and ingest recovery (section <c>Ingestion</c>) and the ingest pipeline.</summary>
    private static void AddIngestion(this IServiceCollection services)
    {
        // ReaderLimits and IngestionOptions share the section: the reader's limits and the ingest's recovery.
        services.AddOptions<ReaderLimits>().BindConfiguration(IngestionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReaderLimits>, ReaderLimitsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ReaderLimits>>().Value);
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>());
        services.AddSingleton(sp => new BriefingParser(sp.GetRequiredService<ThemeTaxonomy>()));
        services.AddSingleton(sp => new IngestionPlanner(sp.GetRequiredService<BriefingParser>(), sp.GetRequiredService<ReaderLimits>()));
        services.AddSingleton<IngestionWriter>();
        services.AddSingleton<IngestionReports>();
        services.AddSingleton<IngestionReceipts>();
        services.AddSingleton<IngestionCompletion>();
        services.AddSingleton<BriefingIngestor>();
        services.AddSingleton<AbandonedIngests>();
        services.AddSingleton<HeldVersions>();
        services.AddSingleton<BriefingRemoval>();
    }
}
