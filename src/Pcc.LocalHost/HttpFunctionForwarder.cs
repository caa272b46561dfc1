using Microsoft.Extensions.Primitives;
using Pcc.LocalHost.Worker;
using Pcc.LocalHost.Worker.Rpc;
using Yarp.ReverseProxy.Forwarder;

namespace Pcc.LocalHost;

/// <summary>
/// Runs an HTTP-triggered function as the Functions host does for a worker with the ASP.NET Core integration: the
/// request goes, as it came, to the worker's <c>HttpUri</c> with <c>x-ms-invocation-id</c> (YARP's forwarder, which the
/// host uses too), and at the same time an <c>InvocationRequest</c> with that id carries the route values in its trigger
/// metadata. The worker's answer streams back; a failed invocation is logged once, with its exception.
/// </summary>
public sealed class HttpFunctionForwarder(FunctionWorker worker, IHttpForwarder forwarder) : IDisposable
{
    /// <summary>The header that pairs a forwarded request with its invocation.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    });

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
        var invocation = worker.InvokeAsync(function.Name, request => Fill(request, function, context), retryOnCrash: false, context.RequestAborted, invocationId);
        var error = await forwarder.SendAsync(context, httpUri.AbsoluteUri, _client, ForwarderRequestConfig.Empty, new InvocationTransformer(invocationId));
        var result = await invocation.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
        if (result is { Succeeded: false })
        {
            worker.Log.For(function.Name).LogError("Failed ({Method} {Path}): {Error}", context.Request.Method, context.Request.Path, result.Error);
        }

        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            await Results.Problem($"The worker did not answer {function.Name}: {error}.", statusCode: StatusCodes.Status502BadGateway).ExecuteAsync(context);
        }
    }

    /// <summary>Closes the connections to the worker.</summary>
    public void Dispose() => _client.Dispose();

    private static void Fill(InvocationRequest request, WorkerFunction function, HttpContext context)
    {
        var http = new RpcHttp { Method = context.Request.Method, Url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}" };
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value?.ToString() is { } text)
            {
                http.Params[name] = text;
                request.TriggerMetadata[name] = new TypedData { String = text };
            }
        }

        foreach (var (name, values) in context.Request.Query)
        {
            http.Query[name] = values.ToString();
        }

        request.TriggerMetadata["Query"] = new TypedData { Json = System.Text.Json.JsonSerializer.Serialize(http.Query) };
    }

    private sealed class InvocationTransformer(string invocationId) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await Default.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.Remove(InvocationIdHeader);
            proxyRequest.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        }
    }
}
