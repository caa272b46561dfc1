using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pcc.Platform.Telemetry;

namespace Pcc.Functions.Telemetry;

/// <summary>
/// The worker's traces, metrics and logs, with OpenTelemetry as the Functions platform now does by default
/// (https://learn.microsoft.com/azure/azure-functions/opentelemetry-howto): invocation spans that continue the host's
/// trace (<c>UseFunctionsWorkerDefaults</c>, with <c>"telemetryMode": "OpenTelemetry"</c> in host.json), the Azure SDK's
/// dependency spans (Blob, Table, Queue), outgoing HTTP (SendGrid), and the app's own <see cref="PccTelemetry"/>.
/// Exported to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (as in Azure, with the app's
/// identity), and over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is; otherwise nothing leaves the process.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Adds the telemetry pipeline.</summary>
    public static IServiceCollection AddPccTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // The Azure SDK's ActivitySources are opt-in ("experimental") for OpenTelemetry (Azure.Core's diagnostics docs).
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .ConfigureResource(resource => resource.AddService("PccFunctions"))
            .WithTracing(tracing => tracing
                .AddSource("Azure.*")
                .AddSource(PccTelemetry.Name)
                // Only the path: a query string could hold a link's token.
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (activity, request) =>
                    activity.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Path))))
            .WithMetrics(metrics => metrics
                .AddMeter(PccTelemetry.Name)
                .AddHttpClientInstrumentation())
            .WithLogging();

        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            // Application Insights takes Entra ID tokens only (DisableLocalAuth in infra/modules/monitoring.bicep): the
            // exporter signs in as the identity APPLICATIONINSIGHTS_AUTHENTICATION_STRING names, as the host does.
            var clientId = AuthenticationClientId(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
            telemetry.UseAzureMonitorExporter(exporter =>
            {
                if (clientId is not null)
                {
                    exporter.Credential = new Azure.Identity.ManagedIdentityCredential(Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>The <c>ClientId</c> of an authentication string such as <c>ClientId=…;Authorization=AAD</c>; null when it names none.</summary>
    public static string? AuthenticationClientId(string? authentication) =>
        (authentication ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))?[1];
}
