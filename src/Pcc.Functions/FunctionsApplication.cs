using Pcc.Functions.Digests;
using Pcc.Functions.Hosting;

namespace Pcc.Functions;

/// <summary>Builds the custom handler: the services, then the endpoints the Functions host calls.</summary>
public static class FunctionsApplication
{
    /// <summary>
    /// Creates the app. <paramref name="configure"/> lets a host or a test add configuration and services first;
    /// <paramref name="additionalFunctions"/> are declared next to the app's own (a local host's or a test's extra functions).
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null, IEnumerable<FunctionDefinition>? additionalFunctions = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddSettingDefaults(DigestTimers.DefaultSchedules);
        configure?.Invoke(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddPccStorage(builder.Configuration);
        builder.Services.AddIngestion(builder.Configuration);
        builder.Services.AddCatalogue(builder.Configuration);
        builder.Services.AddSubscriptions(builder.Configuration);
        builder.Services.AddDigestDelivery(builder.Configuration);
        builder.AddFunctionHost([.. PccFunctionCatalog.Create(BlobTriggerBinding.LogsAndContainerScan), .. additionalFunctions ?? []]);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapFunctionHost();
        return app;
    }
}
