using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit.Utils;

namespace Pcc.Notifications.Email.Smtp;

/// <summary>
/// Sends a batch over SMTP with MailKit, one MimeKit message per recipient on one connection. Locally this is MailDev.
/// </summary>
/// <remarks>
/// A recipient the server refuses for good (5xx) is <see cref="DeliveryStatus.Failed"/>; a temporary refusal (4xx) is
/// <see cref="DeliveryStatus.Deferred"/>. When the server cannot be reached, stops answering or refuses the session for
/// now, that recipient and every later one are deferred without further connection attempts; when it refuses the login,
/// they fail (a wrong setting, not a passing fault).
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

        using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, _options.Timeout.TotalMilliseconds) };
        var results = new List<DeliveryResult>(batch.Recipients.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        (DeliveryStatus Status, string Reason)? unavailable = null;
        try
        {
            foreach (var recipient in batch.Recipients)
            {
                var address = recipient.To.Address;
                var refusal = EmailRules.CheckRecipient(recipient, seen);
                if (refusal is not null)
                {
                    results.Add(new DeliveryResult(address, DeliveryStatus.Failed, refusal));
                    continue;
                }

                if (unavailable is { } down)
                {
                    results.Add(new DeliveryResult(address, down.Status, down.Reason));
                    continue;
                }

                var (result, serverDown) = await SendOneAsync(client, batch, recipient, cancellationToken);
                results.Add(result);
                if (serverDown)
                {
                    unavailable = (result.Status, $"not attempted: {result.Detail}");
                    _logger.LogWarning("SMTP server {Host}:{Port} unavailable ({Reason}); the rest of the batch is not attempted.", _options.Host, _options.Port, result.Detail);
                }
            }
        }
        finally
        {
            await DisconnectAsync(client);
        }

        return results;
    }

    private async Task<(DeliveryResult Result, bool ServerDown)> SendOneAsync(
        SmtpClient client, EmailBatch batch, EmailRecipient recipient, CancellationToken cancellationToken)
    {
        var address = recipient.To.Address;
        var messageId = MimeUtils.GenerateMessageId(batch.From.Address.Split('@')[^1]);
        using var message = SmtpMessages.Create(batch, recipient, messageId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await ConnectAsync(client, timeout.Token);
            await client.SendAsync(message, timeout.Token);
            return (new DeliveryResult(address, DeliveryStatus.Accepted, $"<{messageId}>"), false);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return (new DeliveryResult(address, IsTemporary(ex) ? DeliveryStatus.Deferred : DeliveryStatus.Failed, Describe(ex)), false);
        }
        catch (SmtpCommandException ex) when (IsTemporary(ex))
        {
            return (new DeliveryResult(address, DeliveryStatus.Deferred, Describe(ex)), true);
        }
        catch (SmtpCommandException ex)
        {
            return (new DeliveryResult(address, DeliveryStatus.Failed, Describe(ex)), false);
        }
        catch (AuthenticationException ex)
        {
            return (new DeliveryResult(address, DeliveryStatus.Failed, $"{_options.Host}:{_options.Port} refused the login: {ex.Message}"), true);
        }
        catch (Exception ex) when (ex is SslHandshakeException or NotSupportedException)
        {
            // TLS as set in Security failed or is not offered: no mail goes out unprotected; a later run may find it fixed.
            return (new DeliveryResult(address, DeliveryStatus.Deferred, $"{_options.Host}:{_options.Port} could not be secured ({_options.Security}): {ex.Message}"), true);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException)
        {
            return (new DeliveryResult(address, DeliveryStatus.Deferred, $"could not reach {_options.Host}:{_options.Port}: {ex.Message}"), true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new DeliveryResult(address, DeliveryStatus.Deferred, $"no answer from {_options.Host}:{_options.Port} within {_options.Timeout:g}"), true);
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            return;
        }

        await client.ConnectAsync(_options.Host, _options.Port, _options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }
    }

    private static async Task DisconnectAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quit.Token);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // Every message has been handed over or accounted for; a failed QUIT changes nothing.
        }
    }

    // 4xx replies are transient (RFC 5321 §4.2.1): try again on a later run.
    private static bool IsTemporary(SmtpCommandException ex) => (int)ex.StatusCode is >= 400 and < 500;

    private static string Describe(SmtpCommandException ex) => $"{(int)ex.StatusCode} {ex.StatusCode}: {ex.Message}";
}
