using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Storage;

namespace Pcc.Catalogue;

/// <summary>Registration of the catalogue: the worker, the CLI, the tests and the benchmarks all call <see cref="AddCatalogue"/>.</summary>
public static class CatalogueServiceCollectionExtensions
{
    /// <summary>
    /// The app's storage (<see cref="PccStore"/>, section <c>Storage</c>) and the Azure SDK's clients for the connection
    /// it names.
    /// </summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration);
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
}
