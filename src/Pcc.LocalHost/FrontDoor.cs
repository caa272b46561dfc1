using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Pcc.LocalHost.Worker;
using Yarp.ReverseProxy.Forwarder;

namespace Pcc.LocalHost;

/// <summary>
/// The host's HTTP side on <c>http://127.0.0.1:{port}</c>: each HTTP-triggered function's route under <c>/api/</c>
/// (with its methods and route constraints, as the worker described them) is forwarded to the worker; any other path
/// is 404; <c>POST /admin/functions/{name}</c> runs a non-HTTP function.
/// </summary>
public sealed class FrontDoor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpFunctionForwarder _forwarder;

    private FrontDoor(WebApplication app, HttpFunctionForwarder forwarder, Uri address)
    {
        _app = app;
        _forwarder = forwarder;
        Address = address;
    }

    /// <summary>The prefix of HTTP functions' routes (host.json <c>extensions.http.routePrefix</c>, default <c>api</c>).</summary>
    public const string RoutePrefix = "api";

    /// <summary>Where the front door listens, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts listening on <paramref name="port"/> (0: a free port).</summary>
    public static async Task<FrontDoor> StartAsync(int port, FunctionWorker worker, OnDemandInvoker invoker, CancellationToken stopping)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddProblemDetails();
        builder.Services.AddHttpForwarder();
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<Microsoft.AspNetCore.Routing.Constraints.RegexInlineRouteConstraint>("regex"));

        var app = builder.Build();
        var forwarder = new HttpFunctionForwarder(worker, app.Services.GetRequiredService<IHttpForwarder>());
        foreach (var function in worker.Functions.Where(f => f.Is("httpTrigger")))
        {
            var route = $"/{RoutePrefix}/{(function.TriggerProperty("route") ?? function.Name).TrimStart('/')}";
            var methods = function.TriggerList("methods").Select(m => m.ToUpperInvariant()).ToList();
            RequestDelegate forward = context => forwarder.ForwardAsync(context, function);
            var endpoint = methods.Count > 0 ? app.MapMethods(route, methods, forward) : app.Map(route, forward);
            endpoint.WithDisplayName(function.Name);
        }

        app.MapPost("/admin/functions/{name}", async (string name, HttpRequest request) =>
        {
            var input = await ReadInputAsync(request);
            return invoker.Start(name, input, stopping) switch
            {
                AdminInvokeResult.Accepted => Results.Accepted(),
                AdminInvokeResult.NotFound => Results.Problem($"There is no function '{name}'.", statusCode: StatusCodes.Status404NotFound),
                _ => Results.Problem($"'{name}' cannot be run from the admin endpoint with input '{input}': HTTP functions are called at /api/…, blob functions take \"container/name\".", statusCode: StatusCodes.Status400BadRequest),
            };
        });

        await app.StartAsync(stopping);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FrontDoor(app, forwarder, new Uri(bound.TrimEnd('/') + "/"));
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forwarder.Dispose();
    }

    private static async Task<string?> ReadInputAsync(HttpRequest request)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.String
                ? input.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
