using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SendGrid;

namespace Pcc.Notifications.Email.SendGrid;

/// <summary>
/// Sends a batch with the SendGrid library's <see cref="SendGridClient"/> (v3 Mail Send), one personalization per
/// recipient so each gets their own message and unsubscribe link, in requests of at most
/// <see cref="SendGridOptions.MaxPersonalizationsPerRequest"/>.
/// </summary>
/// <remarks>
/// The client's HttpClient carries <see cref="SendGridResilience"/> (retries, backoff, per-attempt timeouts); what comes
/// back after them decides the request's recipients: 2xx accepts them; 429, 408, 5xx, timeouts and connection failures
/// defer them (a later run tries again); any other status (400, 401, 403, 413) fails them with SendGrid's error text,
/// and a refused key (401, 403) is also logged as an error, since every later request will be refused too.
/// </remarks>
public sealed class SendGridTransport : IEmailTransport
{
    private readonly SendGridClient _client;
    private readonly SendGridOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates the transport. <paramref name="httpClient"/> must carry the <see cref="SendGridResilience"/> handlers:
    /// <c>AddEmail</c> registers it so; <see cref="SendGridResilience.CreateHttpClient"/> builds one without DI.
    /// </summary>
    public SendGridTransport(HttpClient httpClient, IOptions<SendGridOptions> options, TimeProvider timeProvider, ILogger<SendGridTransport>? logger = null)
    {
        _options = options.Value;
        _time = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            throw new InvalidOperationException($"{SendGridOptions.SectionName}:ApiKey is not set; SendGrid cannot send without it.");
        }

        _client = new SendGridClient(httpClient, new SendGridClientOptions
        {
            ApiKey = _options.ApiKey,
            Host = _options.BaseUri.AbsoluteUri.TrimEnd('/'),
        });
    }

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
            var (status, detail) = await SendRequestAsync(batch, [.. chunk.Select(i => batch.Recipients[i])], cancellationToken);
            foreach (var i in chunk)
            {
                results[i] = new DeliveryResult(batch.Recipients[i].To.Address, status, detail);
            }
        }

        return results;
    }

    private async Task<(DeliveryStatus Status, string? Detail)> SendRequestAsync(
        EmailBatch batch, IReadOnlyList<EmailRecipient> recipients, CancellationToken cancellationToken)
    {
        var body = SendGridMessages.Create(batch, recipients, _options.SandboxMode).Serialize();
        var size = Encoding.UTF8.GetByteCount(body);
        if (size > SendGridLimits.MaxRequestBytes)
        {
            return (DeliveryStatus.Failed, $"The request would be {size:N0} bytes; Mail Send accepts at most 30 MB.");
        }

        var attempts = $"gave up after {Math.Max(1, _options.MaxAttempts)} attempts";
        try
        {
            var response = await _client.RequestAsync(BaseClient.Method.POST, body, urlPath: "mail/send", cancellationToken: cancellationToken);
            using var content = response.Body;
            if (response.IsSuccessStatusCode)
            {
                var messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
                return (DeliveryStatus.Accepted, messageId);
            }

            var text = SendGridErrorText.Describe(response.StatusCode, await content.ReadAsStringAsync(cancellationToken));
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests when SendGridRetryDelay.FromRateLimit(response.Headers, _time.GetUtcNow()) is { } wait && wait > _options.MaxRetryDelay
                    => Deferred($"{text}; the limit resets in {wait:g}, later than the {_options.MaxRetryDelay:g} this run waits"),
                HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError
                    => Deferred($"{text} ({attempts})"),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Refused(response.StatusCode, text),
                _ => (DeliveryStatus.Failed, text),
            };
        }
        catch (TimeoutRejectedException)
        {
            return Deferred($"no answer within {_options.Timeout:g} ({attempts})");
        }
        catch (HttpRequestException ex)
        {
            return Deferred($"could not reach SendGrid: {ex.Message} ({attempts})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Deferred($"no answer within {_options.Timeout:g} ({attempts})");
        }
    }

    // The alert on SendGrid authentication errors searches for this line. It names the status only: SendGrid's text
    // is in the ledger, and neither carries the key.
    private (DeliveryStatus, string?) Refused(HttpStatusCode status, string text)
    {
        _logger.LogError("SendGrid refused the API key ({Status}); no email is sent until the key is replaced.", (int)status);
        return (DeliveryStatus.Failed, text);
    }

    private (DeliveryStatus, string?) Deferred(string reason)
    {
        _logger.LogWarning("SendGrid did not accept a request; its recipients are deferred: {Reason}", reason);
        return (DeliveryStatus.Deferred, reason);
    }

    private static string? CheckCategory(EmailBatch batch) =>
        batch.Category is { Length: > SendGridLimits.MaxCategoryLength }
            ? $"The category is longer than {SendGridLimits.MaxCategoryLength} characters."
            : null;

    private static string? CheckSubstitutions(EmailRecipient recipient)
    {
        var bytes = SendGridLimits.SubstitutionBytes(recipient);
        return bytes > SendGridLimits.MaxSubstitutionBytes
            ? $"The substitutions are {bytes:N0} bytes; SendGrid allows {SendGridLimits.MaxSubstitutionBytes:N0} per recipient."
            : null;
    }
}
