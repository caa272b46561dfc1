using Pcc.Functions;
using Pcc.Functions.Hosting;

namespace Pcc.LocalHost;

/// <summary>
/// Runs the Function App in this process, as the Functions host runs the custom handler: on the port named by
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, with <c>AzureWebJobsStorage</c> and the app settings in its configuration.
/// </summary>
public static class FunctionAppRunner
{
    /// <summary>Starts the app on a free loopback port; returns it with its address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        LocalHostOptions options, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var port = Emulators.PortProbe.FreePort();
        var all = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(),
        };

        var app = FunctionsApplication.Create([], builder =>
        {
            // Request logs stay at Warning unless the settings ask for more, so the host's own output reads well.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" });
            builder.Configuration.AddInMemoryCollection(all);
            if (options.ConfigureLogging is { } configureLogging)
            {
                builder.Logging.ClearProviders();
                configureLogging(builder.Logging);
            }

            options.ConfigureApp?.Invoke(builder);
        }, options.AdditionalFunctions);

        await app.StartAsync(cancellationToken);
        return (app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The app's declared functions.</summary>
    public static IReadOnlyCollection<FunctionDefinition> Functions(WebApplication app) =>
        app.Services.GetRequiredService<FunctionRegistry>().All;
}
