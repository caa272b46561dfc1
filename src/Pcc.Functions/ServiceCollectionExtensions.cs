using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pcc.Briefings.Themes;
using Pcc.Catalogue;
using Pcc.Catalogue.Digests;
using Pcc.Catalogue.Health;
using Pcc.Catalogue.Storage;
using Pcc.Functions.Digests;
using Pcc.Functions.Health;
using Pcc.Functions.Pages;
using Pcc.Functions.Subscriptions;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;
using Pcc.Platform.Storage;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions;

/// <summary>Service registration, one method per part of the app.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Every part of the app, in the order they depend on each other. The worker and the tests both call this.</summary>
    public static IServiceCollection AddPccFunctionApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddCatalogue(configuration);
        services.AddHostedService<Pcc.Functions.Catalogue.StorageWarmUp>();
        services.AddSubscriptions(configuration);
        services.AddDigestDelivery(configuration);
        services.AddPages(configuration);
        return services;
    }

    /// <summary>
    /// Subscribers, signed links and subscription emails (section <c>Subscriptions</c>), the editors' list (section
    /// <c>Notifications</c>) and the API's rate limits. Needs the store and the theme taxonomy
    /// (<see cref="CatalogueServiceCollectionExtensions.AddCatalogue"/>). Email goes through the transport the
    /// <c>Email</c> section picks (SMTP to MailDev by default, or SendGrid).
    /// </summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubscriptionOptions>, SubscriptionOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SubscriptionOptions>>().Value);
        services.AddOptions<EditorsOptions>().BindConfiguration(EditorsOptions.Section)
            .Validate(o => o.TryGetAddresses(out _), "Notifications:Editors must list email addresses separated by commas or semicolons.")
            .ValidateOnStart();
        services.AddEmail(configuration);

        services.AddSingleton(sp => new TokenSecretStore(sp.GetRequiredService<PccStore>().Secrets, sp.GetRequiredService<SubscriptionOptions>().TokenSecret));
        services.AddSingleton<SubscriptionTokens>();
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton(sp => new SubscriptionMailer(
            sp.GetRequiredService<IEmailTransport>(),
            sp.GetRequiredService<SubscriptionOptions>(),
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.From,
            sp.GetRequiredService<ThemeTaxonomy>().Themes.ToDictionary(t => t.Slug, t => t.Name),
            sp.GetRequiredService<EmailHtmlRenderer>()));
        services.AddCatalogueSubscribers();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<SubscriptionValidator>();
        services.AddOptions<SubscriptionRateLimitOptions>().BindConfiguration(SubscriptionRateLimitOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubscriptionRateLimitOptions>, SubscriptionRateLimitOptionsValidator>());
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<PccStore>();
            return new RateLimitCounters(store.RateLimits, store.EnsureCreatedAsync, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<SubscriptionRateLimits>();
        return services;
    }

    /// <summary>
    /// Digests (section <c>Digests</c>) over the catalogue's changes and the subscriber list, with the ledger in the
    /// app's tables, batches fanned out on the queue named by <c>DigestBatchQueue</c>, and the weekly summary; the
    /// health readings over the ledger and the queues. Needs <see cref="AddSubscriptions"/>. Links in digests start with
    /// <c>Subscriptions:PublicBaseUrl</c> unless <c>Digests:PublicBaseUrl</c> is set: one address for the app.
    /// </summary>
    public static IServiceCollection AddDigestDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<PccStore>();
            return new DigestLedger(store.DigestRuns, store.Deliveries, store.DigestBatches);
        });
        services.AddSingleton<IDigestBatchDispatcher>(sp => new QueueBatchDispatcher(sp.GetRequiredService<StorageConnection>()
            .CreateQueueServiceClient().GetQueueClient(DigestQueue.Name(configuration))));
        // GET /api/health reads the ledger and the depths of the batch queue and of both poison queues.
        services.AddSingleton(sp => new AppHealth(
            sp.GetRequiredService<PccStore>(),
            sp.GetRequiredService<DigestLedger>(),
            sp.GetRequiredService<StorageConnection>().CreateQueueServiceClient(),
            [DigestQueue.Name(configuration), DigestQueue.Name(configuration) + "-poison", HealthFunction.BlobTriggerPoisonQueue],
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AppHealth>>()));
        // The digests read the catalogue's changes through IDigestSource: the catalogue's adapter, with the weekly summary.
        services.AddCatalogueDigests();
        services.AddSingleton<IDigestSource>(sp => sp.GetRequiredService<CatalogueDigestSource>());
        services.AddDigests(configuration);
        services.AddOptions<DigestOptions>().Configure<IOptions<SubscriptionOptions>>((digests, subscriptions) =>
        {
            if (string.IsNullOrWhiteSpace(configuration[$"{DigestOptions.SectionName}:{nameof(DigestOptions.PublicBaseUrl)}"]))
            {
                digests.PublicBaseUrl = subscriptions.Value.PublicBaseUrl;
            }
        });
        return services;
    }
}
