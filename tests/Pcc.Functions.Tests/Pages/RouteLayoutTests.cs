using System.Text.Json;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Pages;

public sealed class RouteLayoutTests
{
    private static IEnumerable<(DeclaredFunction Function, string Route)> HttpFunctions() =>
        DeclaredFunction.All.Where(f => f.Trigger is HttpTriggerAttribute).Select(f => (f, ((HttpTriggerAttribute)f.Trigger).Route!));

    [Fact]
    public void TheJsonApiStaysUnderApiWhilePagesAndFeedsSitAtTheSiteRoot()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());

        foreach (var (function, route) in HttpFunctions())
        {
            var isPage = function.Method.DeclaringType!.Namespace == "Pcc.Functions.Pages";
            Assert.True(isPage != route.StartsWith("api/", StringComparison.Ordinal), $"{function.Name} has the route '{route}'");
        }

        Assert.Contains(HttpFunctions(), f => f.Route == "api/case-studies/{key}");
        Assert.Contains(HttpFunctions(), f => f.Route == "case-studies/{key}");
    }
}
