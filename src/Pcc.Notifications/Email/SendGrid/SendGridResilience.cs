using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Pcc.Notifications.Email.SendGrid;

/// <summary>
/// Retries and timeouts for the SendGrid client's <see cref="HttpClient"/>, from Microsoft.Extensions.Http.Resilience.
/// </summary>
/// <remarks>
/// Chosen over the SendGrid library's <c>ReliabilitySettings</c>: those apply only to an HttpClient the library builds
/// itself (not one from <c>IHttpClientFactory</c>), wait on the real clock, never retry 429 and throw after the last
/// attempt instead of returning SendGrid's answer. Here 429 waits for <c>X-RateLimit-Reset</c> (else
/// <c>Retry-After</c>) when that is within <see cref="SendGridOptions.MaxRetryDelay"/>; 408, 5xx, connection failures
/// and attempts with no answer within <see cref="SendGridOptions.Timeout"/> back off exponentially with jitter; after
/// <see cref="SendGridOptions.MaxAttempts"/> the last answer (or exception) goes back to the caller. Anything else,
/// 400/401/403/413 included, is returned at once: the same request would be refused again.
/// </remarks>
public static class SendGridResilience
{
    /// <summary>The name of the retry handler on the SendGrid client.</summary>
    public const string RetryHandlerName = "SendGrid-retry";

    /// <summary>The name of the per-attempt timeout handler on the SendGrid client.</summary>
    public const string AttemptTimeoutHandlerName = "SendGrid-attempt-timeout";

    /// <summary>
    /// An HttpClient with both handlers, for hosts that build <see cref="SendGridTransport"/> without
    /// <c>IHttpClientFactory</c> (the load bench, tests). <paramref name="timeProvider"/> times the waits between attempts.
    /// </summary>
    public static HttpClient CreateHttpClient(SendGridOptions options, TimeProvider timeProvider)
    {
        var retry = new ResiliencePipelineBuilder<HttpResponseMessage>();
        AddRetry(retry, options, timeProvider);
        var timeout = new ResiliencePipelineBuilder<HttpResponseMessage>();
        AddAttemptTimeout(timeout, options);
        var handler = new ResilienceHandler(retry.Build())
        {
            InnerHandler = new ResilienceHandler(timeout.Build()) { InnerHandler = new SocketsHttpHandler() },
        };

        // Each attempt has its own timeout; the client's overall one must not cut the retries short.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Adds the retry strategy (the outer handler).</summary>
    public static void AddRetry(ResiliencePipelineBuilder<HttpResponseMessage> builder, SendGridOptions options, TimeProvider timeProvider)
    {
        builder.TimeProvider = timeProvider;
        if (options.MaxAttempts <= 1)
        {
            return;
        }

        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, timeProvider)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
                    ? SendGridRetryDelay.FromRateLimit(response.Headers, timeProvider.GetUtcNow())
                    : null)
                ?? SendGridRetryDelay.Backoff(args.AttemptNumber + 1, options.RetryBaseDelay, options.MaxRetryDelay)),
        });
    }

    /// <summary>
    /// Adds the per-attempt timeout (the inner handler). It runs on the real clock because it measures the network;
    /// only the waits between attempts follow the app's <see cref="TimeProvider"/>.
    /// </summary>
    public static void AddAttemptTimeout(ResiliencePipelineBuilder<HttpResponseMessage> builder, SendGridOptions options)
    {
        builder.TimeProvider = TimeProvider.System;
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.Timeout });
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, SendGridOptions options, TimeProvider timeProvider) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => WaitsWithinLimit(outcome.Result, options, timeProvider),
        { Result.StatusCode: HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError } => true,
        _ => false,
    };

    // A limit that resets later than this run is willing to wait is answered at once, so the caller can defer.
    private static bool WaitsWithinLimit(HttpResponseMessage response, SendGridOptions options, TimeProvider timeProvider) =>
        (SendGridRetryDelay.FromRateLimit(response.Headers, timeProvider.GetUtcNow()) ?? TimeSpan.Zero) <= options.MaxRetryDelay;
}
