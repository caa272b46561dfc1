using System.Security.Cryptography;
using System.Text;

namespace Pcc.LocalHost;

/// <summary>
/// What the front door refuses before a request reaches a function or the admin endpoint, so that a web page the
/// developer visits cannot drive the local host: a <c>Host</c> that is not this loopback address and port (DNS
/// rebinding) is 421; an unsafe method a browser sends from another site (<c>Sec-Fetch-Site</c>, or failing that an
/// <c>Origin</c> that is not this host) is 403, while a client that sends neither, like curl or a mail provider's
/// one-click unsubscribe, is not a browser form and passes; a keyed endpoint (<see cref="KeyRequirement"/>) without
/// the key is 401, as in Azure.
/// </summary>
public static class LocalRequestPolicy
{
    /// <summary>The header that carries a function or master key.</summary>
    public const string KeyHeader = "x-functions-key";

    private static readonly string[] s_loopbackNames = ["127.0.0.1", "localhost", "[::1]"];

    /// <summary>Adds the checks to the front door's pipeline (after routing, so an endpoint's key requirement is known).</summary>
    public static void UseLocalRequestPolicy(this WebApplication app, string adminKey)
    {
        var key = Encoding.UTF8.GetBytes(adminKey);
        app.Use(async (context, next) =>
        {
            if (!IsLoopbackHost(context))
            {
                await Results.Problem($"This local host answers only to 127.0.0.1, localhost or [::1] on port {context.Connection.LocalPort}.", statusCode: StatusCodes.Status421MisdirectedRequest).ExecuteAsync(context);
                return;
            }

            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method) && IsCrossSite(context.Request))
            {
                await Results.Problem("A request another site makes a browser send may not change anything here.", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }

            if (context.GetEndpoint()?.Metadata.GetMetadata<KeyRequirement>() is { Required: true } requirement && !HasKey(context.Request, requirement, key))
            {
                var where = requirement.QueryCodeAccepted ? $"the {KeyHeader} header or ?code=" : $"the {KeyHeader} header";
                await Results.Problem($"This endpoint needs the key the local host printed at start-up, in {where}.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    private static bool IsLoopbackHost(HttpContext context)
    {
        var host = context.Request.Host;
        return host.HasValue && host.Port == context.Connection.LocalPort
            && s_loopbackNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasKey(HttpRequest request, KeyRequirement requirement, byte[] key)
    {
        var given = request.Headers[KeyHeader].ToString();
        if (given.Length == 0 && requirement.QueryCodeAccepted)
        {
            given = request.Query["code"].ToString();
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), key);
    }
}
