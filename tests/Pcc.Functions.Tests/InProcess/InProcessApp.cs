using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Pcc.Functions.Digests;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// The app's services and [Function] methods in the test process, behind HTTP endpoints: for tests that replace a
/// service the worker process cannot share (a fake clock, a recording email transport). Behaviour tests of the
/// whole app run the real worker through the local host (tests/Pcc.LocalHost.Tests).
/// </summary>
public static class InProcessApp
{
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

}
