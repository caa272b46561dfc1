using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pcc.LocalHost.InProcess;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

public sealed class FrontDoorTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task QueryStringsStatusCodesAndProblemDetailsComeThrough()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);

        using var response = await test.Http.GetAsync("api/case-studies?theme=nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("nope", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MethodPathHeadersAndBodyAreForwardedAndTheAnswerStreamsBack()
    {
        var echo = FunctionDefinition.Http("Echo", "echo/{**rest}", ["POST"], async (HttpRequest request, string rest) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            request.HttpContext.Response.Headers["X-Echo"] = "yes";
            return Results.Json(new { method = request.Method, rest, query = request.QueryString.Value, header = request.Headers["X-Test"].ToString(), body }, statusCode: 201);
        });
        await using var test = await TestHost.StartAsync(fixture.Azurite, null, echo);

        using var response = await test.Http.PostAsync("api/echo/a%20b/c?x=1&y=%C3%A9", new StringContent("payload") { Headers = { { "X-Test", "kept" } } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("yes", response.Headers.GetValues("X-Echo").Single());
        var echoed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("POST", echoed.GetProperty("method").GetString());
        Assert.Equal("a b/c", echoed.GetProperty("rest").GetString());
        Assert.Equal("?x=1&y=%C3%A9", echoed.GetProperty("query").GetString());
        Assert.Equal("kept", echoed.GetProperty("header").GetString());
        Assert.Equal("payload", echoed.GetProperty("body").GetString());
    }

    [Fact]
    public async Task TheAdminEndpointRunsATimerFunctionOnce()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite, null, FunctionDefinition.Timer<RecordingFunction>("Weekly", "0 0 0 1 1 *"));

        using var response = await test.Http.PostAsJsonAsync("admin/functions/Weekly", new { input = "" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var invocation = (await test.Log.WaitForAsync("Weekly", 1)).Single();
        Assert.False(invocation.GetDataObject("timer")!.Value.GetProperty("IsPastDue").GetBoolean());
        await Task.Delay(300);
        Assert.Single(test.Log.Of("Weekly"));
    }

    [Fact]
    public async Task TheAdminEndpointRunsABlobFunctionOnTheNamedBlob()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var recorder = FunctionDefinitions.Blob<RecordingFunction>("OnDemand", "%WatchedContainer%/{name}");
        await using var test = await TestHost.StartAsync(fixture.Azurite, o => o.Settings["WatchedContainer"] = "watched-" + id, recorder);
        var other = test.Host.Storage.GetBlobContainerClient("other-" + id);
        await other.CreateIfNotExistsAsync();
        await test.UploadAsync(other, "x.txt", "content"u8.ToArray());

        using var response = await test.Http.PostAsJsonAsync("admin/functions/ondemand", new { input = $"{other.Name}/x.txt" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var invocation = (await test.Log.WaitForAsync("OnDemand", 1)).Single();
        Assert.Equal($"{other.Name}/x.txt", invocation.GetMetadataString("BlobTrigger"));
        Assert.Equal("x.txt", invocation.GetMetadataString("name"));
        Assert.Equal("content"u8.ToArray(), invocation.GetDataBytes("blob"));
    }

    [Fact]
    public async Task TheAdminEndpointAnswers404ForAnUnknownFunction()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);

        using var response = await test.Http.PostAsJsonAsync("admin/functions/NoSuchFunction", new { input = "" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
