using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

/// <summary>A request forwarded before the worker's HTTP server listens is answered once it does, as under the Functions host.</summary>
public sealed class WorkerProxyRetryTests
{
    [Fact]
    public async Task ARequestSentBeforeTheWorkerListensIsAnsweredWhenItStartsListening()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var worker = builder.Build();
        worker.MapGet("/api/ping", () => Results.Text("pong"));
        // The worker's server starts listening only once the request has been refused: whatever the machine's load.
        var refusals = new StartOnFirstRefusal(new SocketsHttpHandler { UseProxy = false }, () => worker.StartAsync());
        using var client = new HttpMessageInvoker(new WorkerProxyRetryHandler(refusals));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/api/ping");

        using var response = await client.SendAsync(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, refusals.Refused);
    }

    [Fact]
    public async Task AWorkerThatNeverListensFailsTheRequestAfterTheLastAttempt()
    {
        var refusals = new StartOnFirstRefusal(new SocketsHttpHandler { UseProxy = false }, () => Task.CompletedTask);
        using var client = new HttpMessageInvoker(new WorkerProxyRetryHandler(refusals));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{FreePort.Next()}/api/ping");

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(HttpRequestError.ConnectionError, failure.HttpRequestError);
        Assert.Equal(WorkerProxyRetryHandler.MaxAttempts, refusals.Refused);
    }

    // Between the retrying handler and the socket: counts refused connections, and starts the worker at the first.
    private sealed class StartOnFirstRefusal(HttpMessageHandler inner, Func<Task> start) : DelegatingHandler(inner)
    {
        public int Refused { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (++Refused == 1)
            {
                await start();
                throw;
            }
        }
    }
}
