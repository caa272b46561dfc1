using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Pcc.LocalHost.Tests;

/// <summary>A request forwarded before the worker's HTTP server listens is answered once it does, as under the Functions host.</summary>
public sealed class WorkerProxyRetryTests
{
    [Fact]
    public async Task ARequestSentBeforeTheWorkerListensIsAnsweredWhenItStartsListening()
    {
        var port = FreePort();
        using var client = new HttpMessageInvoker(new WorkerProxyRetryHandler(new SocketsHttpHandler { UseProxy = false }));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/api/ping");
        var sending = client.SendAsync(request, CancellationToken.None);

        // The worker's server starts listening only after the request was first refused.
        await Task.Delay(300);
        Assert.False(sending.IsCompleted);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var worker = builder.Build();
        worker.MapGet("/api/ping", () => Results.Text("pong"));
        await worker.StartAsync();

        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWorkerThatNeverListensFailsTheRequestAfterTheLastAttempt()
    {
        using var client = new HttpMessageInvoker(new WorkerProxyRetryHandler(new SocketsHttpHandler { UseProxy = false }));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{FreePort()}/api/ping");

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(HttpRequestError.ConnectionError, failure.HttpRequestError);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
