using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pcc.Functions.Data;
using Pcc.Storage;

namespace Pcc.Cli;

/// <summary>
/// How the CLI reaches the app's storage: <c>--connection</c>, else the <c>AzureWebJobsStorage</c> setting from the
/// environment (connection string or identity-based <c>AzureWebJobsStorage__*</c>), else the local emulator.
/// Container and table names follow the app's <c>Storage__*</c> settings, so the CLI sees what the app sees.
/// </summary>
public static class StorageSettings
{
    /// <summary>Extra settings laid over the environment; lets tests point the CLI at their own storage.</summary>
    public static IReadOnlyDictionary<string, string?>? Overrides { get; set; }

    /// <summary>The app's store for a connection string (or null for the configured one).</summary>
    public static PccStore Open(string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(Overrides ?? new Dictionary<string, string?>())
            .Build();
        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(options);
        var account = connectionString is not null
            ? StorageAccount.FromConnectionString(connectionString)
            : StorageAccount.FromConfiguration(configuration, options.Connection);
        return new PccStore(account, Options.Create(options));
    }
}
