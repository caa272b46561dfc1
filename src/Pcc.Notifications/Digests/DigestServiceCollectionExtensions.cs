using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pcc.Notifications.Digests.Ledger;
using Azure.Data.Tables;

namespace Pcc.Notifications.Digests;

/// <summary>Registers the digest engine.</summary>
public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DigestOptions"/> (section <c>Digests</c>), <see cref="DigestRunner"/>, and a
    /// <see cref="DigestLedger"/> over the registered <see cref="TableServiceClient"/>'s <c>DigestRuns</c> and
    /// <c>Deliveries</c> tables unless a ledger is already registered. The app supplies <see cref="IDigestSource"/>
    /// and the email transport (<c>AddEmail</c>).
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => DigestLedger.Create(sp.GetRequiredService<TableServiceClient>()));
        services.TryAddSingleton<DigestRunner>();
        return services;
    }
}
