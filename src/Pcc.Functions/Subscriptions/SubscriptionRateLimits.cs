using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The subscriptions API's rate limits (System.Threading.RateLimiting, fixed one-minute windows, no queueing): per
/// client (<see cref="ClientAddress"/>) for every endpoint, plus a cap across all clients for subscribing. A refused
/// request gets 429 with <c>Retry-After</c> and ProblemDetails.
/// </summary>
/// <remarks>
/// Checked by each function rather than by ASP.NET Core's rate-limiting middleware: the worker's ASP.NET Core pipeline
/// has no place for middleware of the app's own (Worker.Extensions.Http.AspNetCore, FunctionsHostBuilderExtensions).
/// </remarks>
public sealed class SubscriptionRateLimits : IDisposable
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<HttpContext> _subscribe;
    private readonly PartitionedRateLimiter<HttpContext> _links;

    /// <summary>Creates the limiters from <paramref name="options"/>.</summary>
    public SubscriptionRateLimits(IOptions<SubscriptionRateLimitOptions> options)
    {
        var limits = options.Value;
        _subscribe = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(_ => PerMinute("all-clients", limits.SubscribeAllClientsPerMinute)),
            PartitionedRateLimiter.Create<HttpContext, string>(context => PerMinute(ClientAddress.Of(context), limits.SubscribePerClientPerMinute)));
        _links = PartitionedRateLimiter.Create<HttpContext, string>(context => PerMinute(ClientAddress.Of(context), limits.LinksPerClientPerMinute));
    }

    /// <summary>Counts a subscribe request; returns the 429 to answer when it is over a limit, else null.</summary>
    public ProblemHttpResult? Subscribe(HttpRequest request) => Acquire(_subscribe, request.HttpContext);

    /// <summary>Counts a request to a confirm, manage or unsubscribe link; returns the 429 to answer when it is over the limit, else null.</summary>
    public ProblemHttpResult? Links(HttpRequest request) => Acquire(_links, request.HttpContext);

    /// <inheritdoc />
    public void Dispose()
    {
        _subscribe.Dispose();
        _links.Dispose();
    }

    private static ProblemHttpResult? Acquire(PartitionedRateLimiter<HttpContext> limiter, HttpContext context)
    {
        // A fixed window's permits come back when the window ends, not when the lease is returned.
        using var lease = limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : s_window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem($"Please try again in {seconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = s_window,
            QueueLimit = 0,
        });
}
