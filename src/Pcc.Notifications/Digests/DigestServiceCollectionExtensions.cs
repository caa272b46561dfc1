using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Digests.Ledger;

namespace Pcc.Notifications.Digests;

/// <summary>Registers the digest engine.</summary>
public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DigestOptions"/> (section <c>Digests</c>), <see cref="DigestRunner"/>,
    /// <see cref="DigestBatchSender"/>, a <see cref="DigestLedger"/> over the registered clients' <c>DigestRuns</c> and
    /// <c>Deliveries</c> tables and <c>digest-batches</c> container unless a ledger is already registered, and, unless
    /// another is registered, the dispatcher that sends batches in process. The app supplies <see cref="IDigestSource"/>
    /// and the email transport (<c>AddEmail</c>).
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => DigestLedger.Create(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<BlobServiceClient>()));
        services.TryAddSingleton<DigestBatchSender>();
        services.TryAddSingleton<IDigestBatchDispatcher, InProcessBatchDispatcher>();
        services.TryAddSingleton<DigestRunner>();
        return services;
    }
}
