using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Pcc.Notifications.Email.SendGrid;

/// <summary>
/// Sends a batch through SendGrid's v3 Mail Send API (POST /v3/mail/send), one personalization per recipient so each
/// gets their own message and unsubscribe link, in requests of at most
/// <see cref="SendGridOptions.MaxPersonalizationsPerRequest"/>.
/// </summary>
/// <remarks>
/// Statuses (Mail Send API reference; "Rate Limits"): 2xx accepts every recipient of the request; 429 waits for
/// <c>X-RateLimit-Reset</c> and tries again; 5xx, 408 and timeouts back off exponentially with jitter and, after
/// <see cref="SendGridOptions.MaxAttempts"/>, defer the request's recipients; any other status (400, 401, 403, 413)
/// fails them with SendGrid's error text and is not retried, because the same request would be refused again.
/// Plain <see cref="HttpClient"/> rather than Azure.Core's pipeline: the retry rules above are SendGrid's own and
/// decide per-recipient outcomes, so a second, generic retry layer would only have to be switched off.
/// </remarks>
public sealed class SendGridTransport : IEmailTransport
{
    private readonly HttpClient _httpClient;
    private readonly SendGridOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _sendUri;

    /// <summary>Creates the transport; <paramref name="httpClient"/> comes from <c>IHttpClientFactory</c> in the app.</summary>
    public SendGridTransport(HttpClient httpClient, IOptions<SendGridOptions> options, TimeProvider timeProvider, ILogger<SendGridTransport>? logger = null)
    {
        _httpClient = httpClient;
        _options = options.Value;
        _time = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            throw new InvalidOperationException($"{SendGridOptions.SectionName}:ApiKey is not set; SendGrid cannot send without it.");
        }

        _sendUri = new Uri(_options.BaseUri.AbsoluteUri.TrimEnd('/') + "/v3/mail/send");
        Delay = (delay, cancellationToken) => Task.Delay(delay, _time, cancellationToken);
    }

    /// <summary>Waits between attempts; tests replace it so they need not sleep.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Delay { get; set; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        var results = new DeliveryResult[batch.Recipients.Count];
        var problem = EmailRules.CheckBatch(batch) ?? CheckCategory(batch);
        if (problem is not null)
        {
            return [.. batch.Recipients.Select(r => new DeliveryResult(r.To.Address, DeliveryStatus.Failed, problem))];
        }

        var sendable = new List<int>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < batch.Recipients.Count; i++)
        {
            var recipient = batch.Recipients[i];
            var refusal = EmailRules.CheckRecipient(recipient, seen) ?? CheckSubstitutions(recipient);
            if (refusal is null)
            {
                sendable.Add(i);
            }
            else
            {
                results[i] = new DeliveryResult(recipient.To.Address, DeliveryStatus.Failed, refusal);
            }
        }

        var perRequest = Math.Clamp(_options.MaxPersonalizationsPerRequest, 1, SendGridLimits.MaxPersonalizations);
        foreach (var chunk in sendable.Chunk(perRequest))
        {
            var (status, detail) = await SendRequestAsync(batch, chunk.Select(i => batch.Recipients[i]), cancellationToken);
            foreach (var i in chunk)
            {
                results[i] = new DeliveryResult(batch.Recipients[i].To.Address, status, detail);
            }
        }

        return results;
    }

    private async Task<(DeliveryStatus Status, string? Detail)> SendRequestAsync(
        EmailBatch batch, IEnumerable<EmailRecipient> recipients, CancellationToken cancellationToken)
    {
        var body = SendGridRequestWriter.Write(batch, recipients, _options.SandboxMode);
        if (body.Length > SendGridLimits.MaxRequestBytes)
        {
            return (DeliveryStatus.Failed, $"The request would be {body.Length:N0} bytes; Mail Send accepts at most 30 MB.");
        }

        var attempts = Math.Max(1, _options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(body, cancellationToken);
            if (outcome.Final is { } final)
            {
                return final;
            }

            if (attempt >= attempts)
            {
                return (DeliveryStatus.Deferred, $"{outcome.Reason} (gave up after {attempt} attempts)");
            }

            var delay = outcome.RequestedWait
                ?? SendGridRetryDelay.Backoff(attempt, _options.RetryBaseDelay, _options.MaxRetryDelay);
            if (delay > _options.MaxRetryDelay)
            {
                return (DeliveryStatus.Deferred, $"{outcome.Reason}; the limit resets in {delay:g}, later than the {_options.MaxRetryDelay:g} this run waits");
            }

            _logger.LogWarning("SendGrid attempt {Attempt} of {Attempts} failed ({Reason}); retrying in {Delay}.", attempt, attempts, outcome.Reason, delay);
            await Delay(delay, cancellationToken);
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _sendUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            if (response.IsSuccessStatusCode)
            {
                var messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
                return AttemptOutcome.Done(DeliveryStatus.Accepted, messageId);
            }

            var text = SendGridErrorText.Describe(response.StatusCode, await response.Content.ReadAsStringAsync(linked.Token));
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => AttemptOutcome.Retry(text, SendGridRetryDelay.FromRateLimit(response.Headers, _time.GetUtcNow())),
                HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError => AttemptOutcome.Retry(text),
                _ => AttemptOutcome.Done(DeliveryStatus.Failed, text),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptOutcome.Retry($"no answer within {_options.Timeout:g}");
        }
        catch (HttpRequestException ex)
        {
            return AttemptOutcome.Retry($"could not reach SendGrid: {ex.Message}");
        }
    }

    private static string? CheckCategory(EmailBatch batch) =>
        batch.Category is { Length: > SendGridLimits.MaxCategoryLength }
            ? $"The category is longer than {SendGridLimits.MaxCategoryLength} characters."
            : null;

    private static string? CheckSubstitutions(EmailRecipient recipient)
    {
        var bytes = SendGridRequestWriter.SubstitutionBytes(recipient);
        return bytes > SendGridLimits.MaxSubstitutionBytes
            ? $"The substitutions are {bytes:N0} bytes; SendGrid allows {SendGridLimits.MaxSubstitutionBytes:N0} per recipient."
            : null;
    }

    private readonly record struct AttemptOutcome((DeliveryStatus, string?)? Final, string Reason, TimeSpan? RequestedWait)
    {
        public static AttemptOutcome Done(DeliveryStatus status, string? detail) => new((status, detail), "", null);

        public static AttemptOutcome Retry(string reason, TimeSpan? wait = null) => new(null, reason, wait);
    }
}
