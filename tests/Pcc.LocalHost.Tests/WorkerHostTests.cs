using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

/// <summary>The local host running the test worker: blob scan and receipts, poison queue, HTTP front door and what it refuses, admin endpoint, logs.</summary>
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

        // The receipt is written after the invocation returns, so after the copy appears: wait for the receipt itself.
        foreach (var etag in new[] { first, second })
        {
            await Eventually.Async(() => Test.Host.Receipts.ExistsAsync("Host.Functions.CopyBlob", Test.Inbox.Name, name, new ETag(etag), default), exists => exists, $"the receipt of {etag}");
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

        // No wait: the host logs the failure before it answers 500, and the worker's own logs of the invocation come
        // before its InvocationResponse on the one ordered stream, so every line about it is in by now.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
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

    [Fact]
    public async Task ACrossSitePostToTheAdminEndpointIsRefusedAndTheFunctionDoesNotRun()
    {
        var before = await Test.ResultNamesAsync("tick-");

        using var fromAnotherSite = await Test.Http.SendAsync(Post("admin/functions/Tick", ("Sec-Fetch-Site", "cross-site")));
        using var fromAnotherOrigin = await Test.Http.SendAsync(Post("admin/functions/Tick", ("Origin", "https://evil.example")));
        using var fromAnotherPort = await Test.Http.SendAsync(Post("admin/functions/Tick", ("Origin", "http://127.0.0.1:1")));
        using var fromItsOwnPage = await Test.Http.SendAsync(Post("admin/functions/Tick", ("Origin", Test.Host.FrontDoorAddress.GetLeftPart(UriPartial.Authority))));

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Accepted],
            new[] { fromAnotherSite.StatusCode, fromAnotherOrigin.StatusCode, fromAnotherPort.StatusCode, fromItsOwnPage.StatusCode });
        // The accepted run is the only one: once it has finished, a refused one would have left a tick too.
        await Eventually.Async(async () => (await Test.ResultNamesAsync("tick-")).Except(before).Count(), n => n >= 1, "the accepted tick");
        await Test.Host.Admin.WhenIdleAsync();
        Assert.Single((await Test.ResultNamesAsync("tick-")).Except(before));
    }

    [Fact]
    public async Task ACrossSitePostToAnHttpFunctionIsRefusedButAClientWithoutAnOriginIsServed()
    {
        using var crossSite = await Test.Http.SendAsync(Post("api/echo/hello", ("Sec-Fetch-Site", "same-site")));
        using var nonBrowser = await Test.Http.SendAsync(Post("api/echo/hello"));

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nonBrowser.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1:1")]
    [InlineData("127.0.0.1")]
    public async Task AHostHeaderThatIsNotThisLoopbackAddressIsRefused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/echo/hello");
        request.Headers.Host = host.Replace("{port}", Test.Host.FrontDoorAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await Test.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task EveryLoopbackNameOfTheHostIsServed(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/echo/hello") { Headers = { Host = $"{name}:{Test.Host.FrontDoorAddress.Port}" } };

        using var response = await Test.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheAdminEndpointNeedsTheHostsKeyInItsHeader()
    {
        var before = await Test.ResultNamesAsync("tick-");
        using var keyless = new HttpClient { BaseAddress = Test.Host.FrontDoorAddress };

        using var withoutKey = await keyless.SendAsync(Post("admin/functions/Tick"));
        using var wrongKey = await keyless.SendAsync(Post("admin/functions/Tick", (LocalRequestPolicy.KeyHeader, "not-the-key")));
        using var keyInQuery = await keyless.SendAsync(Post($"admin/functions/Tick?code={Uri.EscapeDataString(Test.Host.AdminKey)}"));
        await Test.Host.Admin.WhenIdleAsync();
        var ranWithoutKey = (await Test.ResultNamesAsync("tick-")).Except(before).Count();
        using var withKey = await keyless.SendAsync(Post("admin/functions/Tick", (LocalRequestPolicy.KeyHeader, Test.Host.AdminKey)));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Accepted],
            new[] { withoutKey.StatusCode, wrongKey.StatusCode, keyInQuery.StatusCode, withKey.StatusCode });
        Assert.Equal(0, ranWithoutKey);
        await Eventually.Async(async () => (await Test.ResultNamesAsync("tick-")).Except(before).Count(), n => n == 1, "the keyed tick");
    }

    [Fact]
    public async Task AFunctionLevelRouteNeedsTheKeyInItsHeaderOrCodeWhileAnAnonymousOneDoesNot()
    {
        using var keyless = new HttpClient { BaseAddress = Test.Host.FrontDoorAddress };

        using var withoutKey = await keyless.SendAsync(Post("api/keyed"));
        using var wrongCode = await keyless.SendAsync(Post("api/keyed?code=not-the-key"));
        using var withHeader = await keyless.SendAsync(Post("api/keyed", (LocalRequestPolicy.KeyHeader, Test.Host.AdminKey)));
        using var withCode = await keyless.SendAsync(Post($"api/keyed?code={Uri.EscapeDataString(Test.Host.AdminKey)}"));
        using var anonymous = await keyless.SendAsync(Post("api/echo/hello"));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { withoutKey.StatusCode, wrongCode.StatusCode, withHeader.StatusCode, withCode.StatusCode, anonymous.StatusCode });
    }

    private static HttpRequestMessage Post(string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { input = "" }) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
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
