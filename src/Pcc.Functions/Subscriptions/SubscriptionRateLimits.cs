using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The subscriptions API's rate limits, counted in fixed one-minute windows shared by every instance
/// (<see cref="RateLimitCounters"/>): subscribing per client (<see cref="ClientAddress"/>), across all clients and per
/// recipient domain; and failed link tokens per client. A link whose token verifies is never limited: its signature
/// already stops guessing, and mail providers send many genuine one-click unsubscribes from a few addresses.
/// A refused request gets 429 with <c>Retry-After</c> and ProblemDetails.
/// </summary>
/// <remarks>
/// The subscribe limits are checked before a function runs, by the worker middleware that applies the policies
/// functions declare (<see cref="Policies.RequestPolicyAttribute"/>); a link's token and a recipient's domain are only
/// known inside the function, which checks them. Clients and domains are stored as keyed hashes (the link-signing secret is the key), never as themselves.
/// </remarks>
public sealed class SubscriptionRateLimits(RateLimitCounters counters, SubscriptionTokens tokens, TokenSecretStore secrets, IOptions<SubscriptionRateLimitOptions> options)
{
    private readonly SubscriptionRateLimitOptions _limits = options.Value;

    /// <summary>Counts a subscribe request across all clients and for its client; returns the 429 to answer when it is over a limit, else null.</summary>
    public async Task<ProblemHttpResult?> SubscribeAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await CountAsync(request, RateLimitCounters.AllKey, _limits.SubscribeAllClientsPerMinute, cancellationToken)
        ?? await CountAsync(request, await KeyAsync("client", ClientAddress.Of(request.HttpContext), cancellationToken), _limits.SubscribePerClientPerMinute, cancellationToken);

    /// <summary>Counts a subscribe request for <paramref name="address"/>'s domain (case-insensitive); returns the 429 to answer when it is over the limit, else null.</summary>
    public async Task<ProblemHttpResult?> RecipientDomainAsync(HttpRequest request, string address, CancellationToken cancellationToken)
    {
        var domain = address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();
        return await CountAsync(request, await KeyAsync("domain", domain, cancellationToken), _limits.SubscribePerRecipientDomainPerMinute, cancellationToken);
    }

    /// <summary>
    /// Null when <paramref name="token"/> verifies for <paramref name="purpose"/> (not counted); otherwise the failed
    /// attempt is counted for the client and the answer is 429 when over the limit, else <paramref name="invalid"/>.
    /// </summary>
    public async Task<IResult?> CheckLinkAsync(HttpRequest request, string? token, TokenPurpose purpose, Func<IResult> invalid, CancellationToken cancellationToken)
    {
        if (await tokens.ReadAsync(token, purpose, cancellationToken) is not null)
        {
            return null;
        }

        var key = await KeyAsync("link", ClientAddress.Of(request.HttpContext), cancellationToken);
        return await CountAsync(request, key, _limits.LinksPerClientPerMinute, cancellationToken) ?? invalid();
    }

    private async Task<ProblemHttpResult?> CountAsync(HttpRequest request, string key, int limit, CancellationToken cancellationToken)
    {
        if (await counters.TryCountAsync(key, limit, cancellationToken) is not { } wait)
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem($"Please try again in {seconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }

    // A row key of a-z, 0-9 and '-' only; an IP address is personal data, so only a keyed hash of it is stored.
    private async Task<string> KeyAsync(string kind, string value, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetAsync(cancellationToken);
        var hash = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"rate-limit:{kind}:{value}"));
        return $"{kind}-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }
}
