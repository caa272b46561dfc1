using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Functions.Catalogue;
using Pcc.Functions.Digests;

namespace Pcc.Functions.Tests;

/// <summary>The function classes as the worker makes them: from the app's own registrations, one instance per invocation.</summary>
public sealed class FunctionClassTests
{
    [Fact]
    public void EveryFunctionClassCanBeMadeFromTheAppsServices()
    {
        using var services = AppServices();

        foreach (var type in DeclaredFunction.All.Select(f => f.Method.DeclaringType!).Distinct())
        {
            Assert.IsType(type, ActivatorUtilities.CreateInstance(services, type));
        }
    }

    [Fact]
    public async Task AnUnknownThemeIsAProblem404WithoutTouchingStorage()
    {
        using var services = AppServices();
        var api = ActivatorUtilities.CreateInstance<CatalogueApi>(services);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.QueryString = new QueryString("?theme=no-such-theme");

        var result = await api.CaseStudiesAsync(context.Request, CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status404NotFound, problem.StatusCode);
        Assert.Contains("no-such-theme", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void TheDigestFunctionsAreTheTimersWithTheScheduleSettings()
    {
        var timers = DeclaredFunction.All.Where(f => f.Trigger is TimerTriggerAttribute).ToDictionary(f => f.Name, f => ((TimerTriggerAttribute)f.Trigger).Schedule);

        Assert.Equal(new Dictionary<string, string>
        {
            ["SendImmediateAlerts"] = "%DigestsImmediateSchedule%",
            ["SendDailyDigests"] = "%DigestsDailySchedule%",
            ["SendWeeklyDigests"] = "%DigestsWeeklySchedule%",
            ["SendWeeklySummary"] = "%WeeklySummarySchedule%",
            ["PurgeExpiredRequests"] = "%SubscriptionsPurgeSchedule%",
        }, timers);
        Assert.All(timers.Values, s => Assert.True(
            DigestTimers.DefaultSchedules.ContainsKey(s.Trim('%')) || Pcc.Functions.Subscriptions.PurgeExpiredRequestsFunction.Defaults.ContainsKey(s.Trim('%')), s));
    }

    private static ServiceProvider AppServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddSettingDefaults(DigestTimers.DefaultSchedules)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddPccFunctionApp(configuration);
        return services.BuildServiceProvider();
    }
}
