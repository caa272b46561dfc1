using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Pcc.Notifications.Email.Smtp;

/// <summary>
/// Sends a batch over SMTP with <see cref="SmtpClient"/>, one message per recipient. Locally this is MailDev.
/// </summary>
/// <remarks>
/// A recipient the server refuses for good (5xx) is <see cref="DeliveryStatus.Failed"/>; a temporary refusal (4xx) is
/// <see cref="DeliveryStatus.Deferred"/>. When the server cannot be reached or stops answering, that recipient and every
/// later one are deferred without further connection attempts.
/// </remarks>
public sealed class SmtpTransport : IEmailTransport
{
    private readonly SmtpOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the transport.</summary>
    public SmtpTransport(IOptions<SmtpOptions> options, ILogger<SmtpTransport>? logger = null)
    {
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        var problem = EmailRules.CheckBatch(batch);
        if (problem is not null)
        {
            return [.. batch.Recipients.Select(r => new DeliveryResult(r.To.Address, DeliveryStatus.Failed, problem))];
        }

        using var client = CreateClient();
        var results = new List<DeliveryResult>(batch.Recipients.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? unavailable = null;
        foreach (var recipient in batch.Recipients)
        {
            var address = recipient.To.Address;
            var refusal = EmailRules.CheckRecipient(recipient, seen);
            if (refusal is not null)
            {
                results.Add(new DeliveryResult(address, DeliveryStatus.Failed, refusal));
                continue;
            }

            if (unavailable is not null)
            {
                results.Add(new DeliveryResult(address, DeliveryStatus.Deferred, unavailable));
                continue;
            }

            var (result, serverDown) = await SendOneAsync(client, batch, recipient, cancellationToken);
            results.Add(result);
            if (serverDown)
            {
                unavailable = $"not attempted: {result.Detail}";
                _logger.LogWarning("SMTP server {Host}:{Port} unavailable ({Reason}); deferring the rest of the batch.", _options.Host, _options.Port, result.Detail);
            }
        }

        return results;
    }

    private async Task<(DeliveryResult Result, bool ServerDown)> SendOneAsync(
        SmtpClient client, EmailBatch batch, EmailRecipient recipient, CancellationToken cancellationToken)
    {
        var address = recipient.To.Address;
        var messageId = $"<{Guid.NewGuid():N}@{batch.From.Address.Split('@')[^1]}>";
        using var message = SmtpMessageBuilder.Build(batch, recipient, messageId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await client.SendMailAsync(message, timeout.Token);
            return (new DeliveryResult(address, DeliveryStatus.Accepted, messageId), false);
        }
        catch (SmtpFailedRecipientException ex)
        {
            var status = IsTemporary(ex.StatusCode) ? DeliveryStatus.Deferred : DeliveryStatus.Failed;
            return (new DeliveryResult(address, status, Describe(ex)), false);
        }
        catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.GeneralFailure || IsTemporary(ex.StatusCode))
        {
            return (new DeliveryResult(address, DeliveryStatus.Deferred, Describe(ex)), true);
        }
        catch (SmtpException ex)
        {
            return (new DeliveryResult(address, DeliveryStatus.Failed, Describe(ex)), false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new DeliveryResult(address, DeliveryStatus.Deferred, $"no answer from {_options.Host}:{_options.Port} within {_options.Timeout:g}"), true);
        }
    }

    private SmtpClient CreateClient()
    {
        var client = new SmtpClient(_options.Host, _options.Port)
        {
            EnableSsl = _options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)Math.Min(int.MaxValue, _options.Timeout.TotalMilliseconds),
        };
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        }

        return client;
    }

    // 4xx replies are transient (RFC 5321 §4.2.1): try again on a later run.
    private static bool IsTemporary(SmtpStatusCode code) => (int)code is >= 400 and < 500;

    private static string Describe(SmtpException ex)
    {
        var inner = ex.InnerException is { } cause ? $" ({cause.Message})" : "";
        return ex.StatusCode == SmtpStatusCode.GeneralFailure
            ? $"{ex.Message}{inner}"
            : $"{(int)ex.StatusCode} {ex.StatusCode}: {ex.Message}{inner}";
    }
}
