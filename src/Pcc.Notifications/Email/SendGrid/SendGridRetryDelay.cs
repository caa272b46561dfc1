using System.Globalization;
using System.Net.Http.Headers;

namespace Pcc.Notifications.Email.SendGrid;

/// <summary>How long to wait before the next attempt (the retry strategy's delay generator).</summary>
internal static class SendGridRetryDelay
{
    /// <summary>
    /// The wait a 429 asks for: until <c>X-RateLimit-Reset</c> (epoch seconds; SendGrid "Rate Limits" reference),
    /// else <c>Retry-After</c> (seconds or a date), else <c>null</c> (fall back to backoff). Polly reads only
    /// <c>Retry-After</c>, and SendGrid sends <c>X-RateLimit-Reset</c>.
    /// </summary>
    public static TimeSpan? FromRateLimit(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        if (headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - now) ?? TimeSpan.Zero;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// Exponential backoff from <paramref name="baseDelay"/>, capped, with "equal jitter" (half fixed, half random):
    /// unlike Polly's decorrelated jitter it keeps every wait within known bounds, so a run's worst case is known.
    /// </summary>
    public static TimeSpan Backoff(int failedAttempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponent = Math.Min(failedAttempt - 1, 30);
        var ticks = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        var half = ticks / 2;
        return TimeSpan.FromTicks((long)(half + (Random.Shared.NextDouble() * half)));
    }
}
