using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Email.Html;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Notifications.Email.Smtp;
using Pcc.Notifications.Email.Webhooks;

namespace Pcc.Notifications.Email;

/// <summary>Registers email sending.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmailOptions"/>, the <see cref="IEmailTransport"/> chosen by <c>Email:Transport</c>
    /// (<c>Smtp</c>, the default, or <c>SendGrid</c>), its options, <see cref="SendGridWebhookVerifier"/> and
    /// <see cref="TimeProvider"/> (the system clock unless one is already registered), and the
    /// <see cref="EmailHtmlRenderer"/> every email's HTML part is rendered with. A transport registered before this call
    /// is kept (a host or a test may bring its own).
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var email = configuration.GetSection(EmailOptions.SectionName);
        services.AddOptions<EmailOptions>().Bind(email).ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendGridOptions>, SendGridOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SendGridWebhookVerifier>();
        services.TryAddSingleton<EmailHtmlRenderer>();

        var transport = email.GetValue(nameof(EmailOptions.Transport), EmailTransportKind.Smtp);
        if (services.Any(d => d.ServiceType == typeof(IEmailTransport)))
        {
            return services;
        }

        if (transport == EmailTransportKind.SendGrid)
        {
            // Each attempt has its own timeout (SendGridOptions.Timeout); the client's own must not cut the retries short.
            var sendGrid = services.AddHttpClient<IEmailTransport, SendGridTransport>(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
            sendGrid.AddResilienceHandler(SendGridResilience.RetryHandlerName, (builder, context) => SendGridResilience.AddRetry(
                builder, context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value, context.ServiceProvider.GetRequiredService<TimeProvider>()));
            sendGrid.AddResilienceHandler(SendGridResilience.AttemptTimeoutHandlerName, (builder, context) => SendGridResilience.AddAttemptTimeout(
                builder, context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value));
        }
        else
        {
            services.AddSingleton<IEmailTransport, SmtpTransport>();
        }

        return services;
    }
}
