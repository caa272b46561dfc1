using Pcc.Functions;
using Pcc.Functions.Digests;
using Pcc.LocalHost.InProcess;

namespace Pcc.LocalHost;

/// <summary>
/// Runs the Function App's functions in this process: the app's services, and each <c>[Function]</c> method called
/// directly (<see cref="WorkerFunctions"/>), behind the custom-handler endpoints the rest of this host calls.
/// </summary>
public static class FunctionAppRunner
{
    /// <summary>Starts the app on a free loopback port; returns it with its address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        LocalHostOptions options, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var port = Emulators.PortProbe.FreePort();
        var app = Create(builder =>
        {
            // Request logs stay at Warning unless the settings ask for more, so the host's own output reads well.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" });
            builder.Configuration.AddInMemoryCollection(settings);
            if (options.ConfigureLogging is { } configureLogging)
            {
                builder.Logging.ClearProviders();
                configureLogging(builder.Logging);
            }

            options.ConfigureApp?.Invoke(builder);
        }, port, options.AdditionalFunctions);

        await app.StartAsync(cancellationToken);
        return (app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>
    /// Builds the app: <paramref name="configure"/> adds configuration and services before the app's own
    /// registrations; <paramref name="additionalFunctions"/> are declared next to the app's.
    /// </summary>
    public static WebApplication Create(Action<WebApplicationBuilder> configure, int port, IEnumerable<FunctionDefinition>? additionalFunctions = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddSettingDefaults(DigestTimers.DefaultSchedules);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        configure(builder);
        builder.Services.AddPccFunctionApp(builder.Configuration);
        builder.AddFunctionHost([.. WorkerFunctions.From(typeof(Pcc.Functions.Ingestion.IngestBriefingFunction).Assembly), .. additionalFunctions ?? []]);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapFunctionHost();
        return app;
    }

    /// <summary>The app's declared functions.</summary>
    public static IReadOnlyCollection<FunctionDefinition> Functions(WebApplication app) =>
        app.Services.GetRequiredService<FunctionRegistry>().All;
}
