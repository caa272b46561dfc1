using System.Net;
using System.Net.Http.Json;
using Pcc.Functions.Tests.Ingestion;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Catalogue;

/// <summary>How the catalogue API and the host's front door answer requests for things that do not exist, or bad queries.</summary>
[Collection(IngestionCollection.Name)]
public sealed class ApiErrorTests(AppFixture app)
{
    [Fact]
    public async Task AnUnknownFunctionOrRouteGetsA404()
    {
        using var function = await app.Http.PostAsJsonAsync("admin/functions/NoSuchFunction", new { input = "" });
        using var route = await app.Http.GetAsync("api/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, function.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
    }

    [Theory]
    [InlineData("api/briefings/no-such-briefing")]
    [InlineData("api/case-studies/no-such-key")]
    [InlineData("api/case-studies?theme=no-such-theme")]
    [InlineData("api/reports/x/none.json")]
    public async Task UnknownResourcesAreProblemDetails404s(string path)
    {
        using var response = await app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("api/changes")]
    [InlineData("api/changes?since=yesterday")]
    [InlineData("api/changes?since=2026-01-01T00:00:00Z&until=2025-01-01T00:00:00Z")]
    public async Task ABadChangesQueryIsAProblemDetails400(string path)
    {
        using var response = await app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
