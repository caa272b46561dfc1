using Pcc.Briefings;
using Pcc.Briefings.Reading;
using Pcc.Briefings.Themes;
using Pcc.Functions.Catalogue;
using Pcc.Functions.Data;
using Pcc.Functions.Ingestion;
using Pcc.Storage;

namespace Pcc.Functions;

/// <summary>Service registration, one method per part of the app.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The storage account (from the <c>Storage:Connection</c> name, default <c>AzureWebJobsStorage</c>) and the app's tables.</summary>
    public static IServiceCollection AddPccStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton(sp =>
        {
            var connection = configuration.GetSection(StorageOptions.Section)["Connection"] ?? new StorageOptions().Connection;
            return StorageAccount.FromConfiguration(configuration, connection);
        });
        services.AddSingleton<PccStore>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Document reading limits (section <c>Ingestion</c>), the theme taxonomy and the ingest pipeline.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Ingestion").Get<ReaderLimits>() ?? ReaderLimits.Default;
        var themesFile = configuration["Catalogue:ThemesFile"];
        services.AddSingleton(string.IsNullOrWhiteSpace(themesFile) ? ThemeTaxonomy.Default : ThemeTaxonomy.LoadFile(themesFile));
        services.AddSingleton(sp => new BriefingParser(sp.GetRequiredService<ThemeTaxonomy>()));
        services.AddSingleton(sp => new IngestionPlanner(sp.GetRequiredService<BriefingParser>(), limits));
        services.AddSingleton<IngestionWriter>();
        services.AddSingleton<BriefingIngestor>();
        return services;
    }

    /// <summary>The catalogue's read side.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CatalogueReader>();
        services.AddSingleton<ReportReader>();
        return services;
    }
}
