using System.Net;
using System.Text;
using Pcc.Testing;

namespace Pcc.Functions.Tests;

public sealed class ContractTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TheHandlerAnswersTheHostsReadinessProbe()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("")).StatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"Data\": 5, \"Metadata\": {}}")]
    [InlineData("{\"Data\": {}, \"Metadata\": \"name\"}")]
    [InlineData("{\"Data\": {\"blob\": \"\"}, \"Metadata\": {}}")]
    [InlineData("{\"Data\": {}, \"Metadata\": {\"name\": \"\\\"\\\"\"}}")]
    public async Task AMalformedPayloadGetsA400AndTheHandlerKeepsServing(string payload)
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

        using var response = await app.Http.PostAsync("IngestBriefing", new StringContent(payload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("api/themes")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownFunctionGetsA404()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

        using var response = await app.Http.PostAsync("NoSuchFunction", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheInvocationReplyHasTheDocumentedShape()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

        await app.UploadAsync(Seeds.BriefingName, Seeds.Briefing);
        using var response = await app.InvokeIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        using var reply = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, reply.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, reply.RootElement.GetProperty("Logs").ValueKind);
        Assert.Equal(20, (await app.GetJsonAsync("api/case-studies")).GetArrayLength());
    }

    [Theory]
    [InlineData("api/briefings/no-such-briefing")]
    [InlineData("api/case-studies/no-such-key")]
    [InlineData("api/case-studies?theme=no-such-theme")]
    [InlineData("api/reports/x/none.json")]
    public async Task UnknownResourcesAreProblemDetails404s(string path)
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

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
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

        using var response = await app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
