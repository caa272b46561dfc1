using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue;
using Pcc.Catalogue.Storage;
using Pcc.Platform.Storage;

namespace Pcc.Cli;

/// <summary>
/// How the CLI reaches the app's storage: <c>--connection</c>, else the <c>AzureWebJobsStorage</c> setting from the
/// environment (connection string or identity-based <c>AzureWebJobsStorage__*</c>), else the local emulator.
/// Container and table names follow the app's <c>Storage__*</c> settings, so the CLI sees what the app sees.
/// </summary>
public static class StorageSettings
{
    private static readonly AsyncLocal<IReadOnlyDictionary<string, string?>?> s_overrides = new();

    /// <summary>Extra settings laid over the environment for the current async flow; lets tests point the CLI at their own storage.</summary>
    public static IReadOnlyDictionary<string, string?>? Overrides
    {
        get => s_overrides.Value;
        set => s_overrides.Value = value;
    }

    /// <summary>The storage account for a connection string (or null for the configured one).</summary>
    public static StorageConnection Account(string? connectionString)
    {
        var configuration = Configuration();
        return connectionString is not null
            ? StorageConnection.FromConnectionString(connectionString)
            : StorageConnection.FromConfiguration(configuration, ReadOptions(configuration).Connection);
    }

    /// <summary>
    /// The app's catalogue and subscriber list over its storage, registered as the worker registers them
    /// (<c>AddCatalogue</c>, <c>AddCatalogueSubscribers</c>), so every <c>Ingestion__*</c> and <c>Storage__*</c> setting
    /// means what it means to the app. <paramref name="connectionString"/> (or null for the configured one) stands in
    /// for the connection's setting.
    /// </summary>
    public static ServiceProvider Services(string? connectionString)
    {
        var configuration = Configuration();
        return connectionString is null
            ? Register(configuration)
            : Register(configuration, new() { [ReadOptions(configuration).Connection] = connectionString });
    }

    /// <summary>
    /// As <see cref="Services"/>, but reaching the storage account <paramref name="accountName"/> in Azure as the signed-in
    /// user or workload (<c>DefaultAzureCredential</c>: <c>az login</c>, azd's environment, a managed identity), through the
    /// same identity-based settings the app uses (<c>AzureWebJobsStorage__accountName</c>).
    /// </summary>
    public static ServiceProvider ServicesForAccount(string accountName)
    {
        var configuration = Configuration();
        var connection = ReadOptions(configuration).Connection;
        return Register(configuration, new() { [connection] = null, [connection + ":accountName"] = accountName });
    }

    // The app's registration over the configuration, with the connection's settings laid over it when given.
    private static ServiceProvider Register(IConfiguration configuration, Dictionary<string, string?>? connection = null)
    {
        if (connection is not null)
        {
            configuration = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(connection).Build();
        }

        var services = new ServiceCollection().AddLogging().AddSingleton(configuration);
        services.AddCatalogue(configuration).AddCatalogueSubscribers();
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddEnvironmentVariables()
        .AddInMemoryCollection(Overrides ?? new Dictionary<string, string?>())
        .Build();

    private static StorageOptions ReadOptions(IConfiguration configuration)
    {
        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(options);
        return options;
    }
}
