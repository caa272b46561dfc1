using Microsoft.Extensions.Primitives;
using Pcc.LocalHost.Worker;
using Pcc.LocalHost.Worker.Rpc;
using Yarp.ReverseProxy.Forwarder;

namespace Pcc.LocalHost;

/// <summary>
/// Runs an HTTP-triggered function as the Functions host does for a worker with the ASP.NET Core integration: the
/// request goes, as it came, to the worker's <c>HttpUri</c> with <c>x-ms-invocation-id</c> (YARP's forwarder, which the
/// host uses too), and at the same time an <c>InvocationRequest</c> with that id carries the route values in its trigger
/// metadata. The worker's answer streams back; a failed invocation is logged once, with its exception, and answered 500
/// when the worker's answer has not started.
/// </summary>
public sealed class HttpFunctionForwarder(FunctionWorker worker, IHttpForwarder forwarder) : IDisposable
{
    /// <summary>The header that pairs a forwarded request with its invocation.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private readonly HttpMessageInvoker _client = new(new WorkerProxyRetryHandler(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    }));

    /// <summary>Forwards <paramref name="context"/>'s request to <paramref name="function"/>.</summary>
    public async Task ForwardAsync(HttpContext context, WorkerFunction function)
    {
        var httpUri = await worker.HttpUriAsync(context.RequestAborted);
        if (httpUri is null)
        {
            await Results.Problem("The worker offers no HTTP pipeline (HttpUri).", statusCode: StatusCodes.Status502BadGateway).ExecuteAsync(context);
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        var invocation = worker.InvokeAsync(function.Name, request => Fill(request, context), retryOnCrash: false, context.RequestAborted, invocationId);
        var error = await forwarder.SendAsync(context, httpUri.AbsoluteUri, _client, ForwarderRequestConfig.Empty, new InvocationTransformer(invocationId));
        var result = await invocation.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
        if (result is { Succeeded: false })
        {
            worker.Log.For(function.Name).LogError("Failed ({Method} {Path}): {Error}", context.Request.Method, context.Request.Path, result.Error);
            if (!context.Response.HasStarted)
            {
                // As the Functions host does: its GrpcWorkerChannel fails the invocation when the InvocationResponse is a
                // Failure, and its WebHost ExceptionMiddleware answers 500 when the response has not started (the dotnet
                // worker's FunctionsHttpProxyingMiddleware writes nothing when the function throws, so the worker's own
                // answer is an empty 200). The body says no more than the host's does.
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }
        }

        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            await Results.Problem($"The worker did not answer {function.Name}: {error}.", statusCode: StatusCodes.Status502BadGateway).ExecuteAsync(context);
        }
    }

    /// <summary>Closes the connections to the worker.</summary>
    public void Dispose() => _client.Dispose();

    private static void Fill(InvocationRequest request, HttpContext context)
    {
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value?.ToString() is { } text)
            {
                request.TriggerMetadata[name] = new TypedData { String = text };
            }
        }

        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        request.TriggerMetadata["Query"] = new TypedData { Json = System.Text.Json.JsonSerializer.Serialize(query) };
    }

    private sealed class InvocationTransformer(string invocationId) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await Default.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            // As Azure's front end does, append the connecting address to the X-Forwarded-For the client sent (YARP's default replaces it).
            if (httpContext.Request.Headers["X-Forwarded-For"] is { Count: > 0 } sent && httpContext.Connection.RemoteIpAddress is { } remote)
            {
                proxyRequest.Headers.Remove("X-Forwarded-For");
                proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", $"{string.Join(", ", sent.ToArray())}, {remote}");
            }

            proxyRequest.Headers.Remove(InvocationIdHeader);
            proxyRequest.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        }
    }
}
