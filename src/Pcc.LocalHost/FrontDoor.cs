using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Pcc.LocalHost;

/// <summary>
/// The host's HTTP side on <c>http://127.0.0.1:{port}</c>: every path (HTTP functions sit at the root: the API under <c>/api/</c>, pages elsewhere) is forwarded to the handler as it came
/// (the host's <c>enableForwardingHttpRequest</c>), and <c>POST /admin/functions/{name}</c> runs a non-HTTP function.
/// </summary>
public sealed class FrontDoor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpForwarder _forwarder;

    private FrontDoor(WebApplication app, HttpForwarder forwarder, Uri address)
    {
        _app = app;
        _forwarder = forwarder;
        Address = address;
    }

    /// <summary>Where the front door listens, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts listening on <paramref name="port"/> (0: a free port).</summary>
    public static async Task<FrontDoor> StartAsync(int port, Uri handler, OnDemandInvoker invoker, CancellationToken stopping)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddProblemDetails();
        var forwarder = new HttpForwarder(handler);

        var app = builder.Build();
        app.Map("/{**path}", (RequestDelegate)forwarder.ForwardAsync);
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
