using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The subscriptions API's rate limits (ASP.NET Core's rate limiter, fixed one-minute windows, no queueing): per
/// client (<see cref="ClientAddress"/>) for every endpoint, plus a cap across all clients for subscribing. A rejected
/// request gets 429 with <c>Retry-After</c> and ProblemDetails.
/// </summary>
public static class SubscriptionRateLimits
{
    /// <summary>The policy of <c>POST /api/subscriptions</c>.</summary>
    public const string Subscribe = "subscriptions-subscribe";

    /// <summary>The policy of the confirm, manage and unsubscribe links.</summary>
    public const string Links = "subscriptions-links";

    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);

    /// <summary>Registers the limiter and its options.</summary>
    public static IServiceCollection AddSubscriptionRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionRateLimitOptions>().BindConfiguration(SubscriptionRateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(Subscribe, context => PerMinute(ClientAddress.Of(context), Limits(context).SubscribePerClientPerMinute));
            options.AddPolicy(Links, context => PerMinute(ClientAddress.Of(context), Limits(context).LinksPerClientPerMinute));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Subscribe
                    ? PerMinute("all-clients", Limits(context).SubscribeAllClientsPerMinute)
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    private static SubscriptionRateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<SubscriptionRateLimitOptions>>().Value;

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = s_window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : s_window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Please try again in {seconds} seconds.",
            },
        });
    }
}
