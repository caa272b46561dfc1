using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

/// <summary>The local host running the test worker: blob scan and receipts, poison queue, HTTP front door, admin endpoint, logs.</summary>
public sealed class WorkerHostTests(WorkerHostTests.Fixture fixture) : IClassFixture<WorkerHostTests.Fixture>
{
    private TestHost Test => fixture.Test;

    [Fact]
    public async Task EachUploadedVersionRunsTheBlobFunctionOnceWithItsNameAndLeavesAReceipt()
    {
        var name = Unique("doc") + ".txt";
        var first = await Test.UploadAsync(Test.Inbox, name, Encoding.UTF8.GetBytes("one"));
        await Eventually.Async(() => Test.ResultAsync("copy-" + name), r => r == $"{name}|one", "the first copy");

        var second = await Test.UploadAsync(Test.Inbox, name, Encoding.UTF8.GetBytes("two"));
        await Eventually.Async(() => Test.ResultAsync("copy-" + name), r => r == $"{name}|two", "the second copy");

        foreach (var etag in new[] { first, second })
        {
            Assert.True(await Test.Host.Receipts.ExistsAsync("Host.Functions.CopyBlob", Test.Inbox.Name, name, new ETag(etag), default));
        }
    }

    [Fact]
    public async Task HttpRequestsReachTheFunctionWithRouteValuesQueryHeadersAndBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo/hello/3?q=search%20term") { Content = new StringContent("the body") };
        request.Headers.Add("X-Test", "header value");

        using var response = await Test.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("hello", echo.GetProperty("word").GetString());
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal("search term", echo.GetProperty("query").GetString());
        Assert.Equal("header value", echo.GetProperty("header").GetString());
        Assert.Equal("the body", echo.GetProperty("body").GetString());
    }

    /// <summary>
    /// As Azure's front end does: what the client wrote is kept and the address that connected is appended. The worker's
    /// forwarded-headers step moves that last entry into the connection's address, leaving only what the client wrote.
    /// </summary>
    [Fact]
    public async Task TheFrontDoorAppendsTheConnectingAddressToAnXForwardedForTheClientSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/echo/hello");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        using var response = await Test.Http.SendAsync(request);

        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("127.0.0.1", echo.GetProperty("remote").GetString());
        Assert.Equal("198.51.100.7", echo.GetProperty("forwardedFor").GetString());
    }

    [Theory]
    [InlineData("GET", "api/nowhere")]
    [InlineData("GET", "api/echo/hello/not-a-number")]
    [InlineData("GET", "echo/hello")]
    [InlineData("DELETE", "api/echo/hello")]
    public async Task RequestsNoFunctionDeclaresAreNotFound(string method, string path)
    {
        using var response = await Test.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {path}: {response.StatusCode}");
    }

    [Fact]
    public async Task AFailingHttpFunctionAnswers500WithoutTheExceptionInTheBody()
    {
        using var response = await Test.Http.GetAsync("api/broken-later");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("on purpose", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task AFailingHttpFunctionsExceptionIsLoggedOnceUnderItsName()
    {
        using var response = await Test.Http.GetAsync("api/broken");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await Eventually.Async(() => Task.FromResult(fixture.Logs.Lines.Any(l => l.Contains("Broken is broken on purpose."))), found => found, "the failure in the log");
        await Task.Delay(300);
        var line = Assert.Single(fixture.Logs.Lines, l => l.Contains("Broken is broken on purpose."));
        Assert.StartsWith("Function.Broken:", line);
    }

    [Fact]
    public async Task TheWorkersLogsAppearUnderTheFunctionsName()
    {
        var name = Unique("logged");
        await Test.UploadAsync(Test.Inbox, name, Encoding.UTF8.GetBytes("x"));

        await Eventually.Async(() => Task.FromResult(fixture.Logs.Lines.Any(l => l == $"Function.CopyBlob: Copied {name}")), found => found, "the function's own log line");
    }

    [Fact]
    public async Task TheAdminEndpointRunsTheTimerFunctionNow()
    {
        var before = await Test.ResultNamesAsync("tick-");

        using var response = await Test.Http.PostAsJsonAsync("admin/functions/Tick", new { input = "" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.Async(async () => (await Test.ResultNamesAsync("tick-")).Except(before).Count(), n => n == 1, "one tick");
    }

    [Fact]
    public async Task TheAdminEndpointRunsTheBlobFunctionOnTheNamedBlobAndRefusesUnknownFunctions()
    {
        var name = Unique("named");
        var elsewhere = Test.Host.Storage.GetBlobContainerClient("elsewhere-" + Test.Id);
        await Test.UploadAsync(elsewhere, name, Encoding.UTF8.GetBytes("on demand"));

        using var accepted = await Test.Http.PostAsJsonAsync("admin/functions/CopyBlob", new { input = $"{elsewhere.Name}/{name}" });
        using var unknown = await Test.Http.PostAsJsonAsync("admin/functions/Nope", new { input = "" });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await Eventually.Async(() => Test.ResultAsync("copy-" + name), r => r == $"{name}|on demand", "the copy");
    }

    [Fact]
    public async Task AfterFiveFailedAttemptsTheVersionGoesToThePoisonQueueAndAReplayRunsItAgain()
    {
        var name = Unique("bad");
        var etag = await Test.UploadAsync(Test.Inbox, name, Encoding.UTF8.GetBytes("fail until allowed"));

        var messages = await Eventually.Async(() => Test.Host.PoisonQueue.ListAsync(), m => m.Any(x => x.BlobName == name), "a poison message");
        var message = Assert.Single(messages, m => m.BlobName == name);
        Assert.Equal("BlobTrigger", message.Type);
        Assert.Equal("Host.Functions.CopyBlob", message.FunctionId);
        Assert.Equal(Test.Inbox.Name, message.ContainerName);
        Assert.Equal(etag, message.ETag);
        Assert.Equal(5, fixture.Logs.Lines.Count(l => l.StartsWith("Function.CopyBlob: Failed for", StringComparison.Ordinal) && l.Contains(name)));

        await Test.UploadAsync(Test.Results, "allow-" + name, []);
        Assert.True(await Test.Host.PoisonQueue.ReplayAsync(message));

        await Eventually.Async(() => Test.ResultAsync("copy-" + name), r => r == $"{name}|fail until allowed", "the replayed copy");
        Assert.DoesNotContain(await Test.Host.PoisonQueue.ListAsync(), m => m.BlobName == name);
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public sealed class Fixture : IAsyncLifetime
    {
        public LogCapture Logs { get; } = new();

        public TestHost Test { get; private set; } = null!;

        public async Task InitializeAsync() => Test = await TestHost.StartWorkerAsync(await Azurite.GetAsync(), o =>
        {
            o.ConfigureLogging = Logs.Configure;
            o.Settings["Logging:LogLevel:Default"] = "Information";
        });

        public async Task DisposeAsync() => await Test.DisposeAsync();
    }
}
