using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Pcc.Functions.Tests.Identity;

/// <summary>
/// The token endpoint App Service and Azure Functions give an app with a managed identity, served by the test:
/// <c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c> point Azure.Identity's <c>ManagedIdentityCredential</c> at it.
/// It enforces the documented contract (https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference):
/// a GET with the secret in <c>X-IDENTITY-HEADER</c>, <c>api-version=2019-08-01</c>, the <c>resource</c> and the user-assigned
/// identity's <c>client_id</c>; it answers with an unsigned JWT carrying the claims Azurite's <c>--oauth basic</c> checks
/// (issuer <c>https://sts.windows.net/{tenant}/</c>, audience <c>https://storage.azure.com</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>).
/// </summary>
public sealed class ManagedIdentityEndpoint : IAsyncDisposable
{
    public const string StorageResource = "https://storage.azure.com";

    private readonly WebApplication _app;
    private readonly string _clientId;
    private readonly IReadOnlySet<string> _secrets;
    private readonly ConcurrentQueue<string> _issuedTo = new();

    private ManagedIdentityEndpoint(WebApplication app, string clientId, IReadOnlySet<string> secrets)
    {
        _app = app;
        _clientId = clientId;
        _secrets = secrets;
    }

    /// <summary>The <c>IDENTITY_ENDPOINT</c> value.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Starts the endpoint for the identity <paramref name="clientId"/>, accepting any of <paramref name="secrets"/>.</summary>
    public static async Task<ManagedIdentityEndpoint> StartAsync(string clientId, params string[] secrets)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new ManagedIdentityEndpoint(app, clientId, secrets.ToHashSet(StringComparer.Ordinal));
        app.MapGet("/msi/token", endpoint.Issue);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        endpoint.Endpoint = new Uri(new Uri(address), "/msi/token");
        return endpoint;
    }

    /// <summary>A storage token as Microsoft Entra ID issues one to <paramref name="clientId"/>, valid for an hour.</summary>
    public static string StorageToken(string clientId, string issuer = "https://sts.windows.net/11111111-2222-3333-4444-555555555555/")
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["aud"] = StorageResource,
            ["iss"] = issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["appid"] = clientId,
            ["oid"] = clientId,
            ["sub"] = clientId,
        };
        return $"{Segment(new { alg = "none", typ = "JWT" })}.{Segment(claims)}.";
    }

    /// <summary>How many tokens went to callers presenting <paramref name="secret"/>.</summary>
    public int TokensIssuedTo(string secret) => _issuedTo.Count(s => s == secret);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Issue(HttpRequest request)
    {
        var secret = request.Headers["X-IDENTITY-HEADER"].ToString();
        if (!_secrets.Contains(secret))
        {
            return Results.Problem("X-IDENTITY-HEADER is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var query = request.Query;
        if (query["api-version"] != "2019-08-01" || query["resource"] != StorageResource || query["client_id"] != _clientId)
        {
            return Results.Problem(
                $"Expected api-version=2019-08-01, resource={StorageResource} and client_id={_clientId}; got {request.QueryString}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        _issuedTo.Enqueue(secret);
        return Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = StorageToken(_clientId),
            ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = StorageResource,
            ["token_type"] = "Bearer",
            ["client_id"] = _clientId,
        });
    }

    private static string Segment(object value) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
