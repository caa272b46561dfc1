using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Pcc.LocalHost.Worker;
using Yarp.ReverseProxy.Forwarder;

namespace Pcc.LocalHost;

/// <summary>
/// The host's HTTP side on <c>http://127.0.0.1:{port}</c>: each HTTP-triggered function's route, under the app's
/// route prefix (host.json, <c>api</c> by default; this app's is empty), with its methods and route constraints as the
/// worker described them, is forwarded to the worker; any other path is 404; <c>POST /admin/functions/{name}</c> runs a non-HTTP function.
/// <see cref="LocalRequestPolicy"/> refuses other hosts' names, cross-site writes and keyless calls to keyed routes.
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

    /// <summary>Where the front door listens, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts listening on <paramref name="port"/> (0: a free port).</summary>
    public static async Task<FrontDoor> StartAsync(int port, FunctionWorker worker, string routePrefix, OnDemandInvoker invoker, string adminKey, CancellationToken stopping)
    {
        var builder = HostServer.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddProblemDetails();
        builder.Services.AddHttpForwarder();
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<Microsoft.AspNetCore.Routing.Constraints.RegexInlineRouteConstraint>("regex"));

        var app = builder.Build();
        app.UseLocalRequestPolicy(adminKey);
        var forwarder = new HttpFunctionForwarder(worker, app.Services.GetRequiredService<IHttpForwarder>());
        foreach (var function in worker.Functions.Where(f => f.Is("httpTrigger")))
        {
            var route = HttpRoutePrefix.Path(routePrefix, function.TriggerProperty("route") ?? function.Name);
            var methods = function.TriggerList("methods").Select(m => m.ToUpperInvariant()).ToList();
            RequestDelegate forward = context => forwarder.ForwardAsync(context, function);
            var endpoint = methods.Count > 0 ? app.MapMethods(route, methods, forward) : app.Map(route, forward);
            endpoint.WithDisplayName(function.Name).WithMetadata(KeyRequirement.For(function));
        }

        app.MapPost("/admin/functions/{name}", async (string name, HttpRequest request) =>
        {
            var input = await ReadInputAsync(request);
            return invoker.Start(name, input, stopping) switch
            {
                AdminInvokeResult.Accepted => Results.Accepted(),
                AdminInvokeResult.NotFound => Results.Problem($"There is no function '{name}'.", statusCode: StatusCodes.Status404NotFound),
                _ => Results.Problem($"'{name}' cannot be run from the admin endpoint with input '{input}': HTTP functions are called at their routes, blob functions take \"container/name\".", statusCode: StatusCodes.Status400BadRequest),
            };
        }).WithMetadata(KeyRequirement.Admin);

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
