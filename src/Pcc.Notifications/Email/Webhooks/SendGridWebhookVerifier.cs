using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Email.SendGrid;

namespace Pcc.Notifications.Email.Webhooks;

/// <summary>
/// Verifies SendGrid's signed Event Webhook posts and reads their events. SendGrid signs the timestamp header
/// followed by the raw body with ECDSA P-256 / SHA-256 and sends the base64 DER signature; the verification key is the
/// base64 public key shown in Mail Settings ("Getting Started with the Event Webhook Security Features",
/// twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features).
/// </summary>
public sealed class SendGridWebhookVerifier
{
    /// <summary>The header with the base64 signature.</summary>
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";

    /// <summary>The header with the signing time in Unix seconds.</summary>
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private readonly byte[]? _publicKey;
    private readonly string? _keyProblem;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier for the key in <see cref="SendGridOptions.WebhookPublicKey"/>.</summary>
    public SendGridWebhookVerifier(IOptions<SendGridOptions> options, TimeProvider timeProvider)
    {
        _tolerance = options.Value.WebhookTimestampTolerance;
        _time = timeProvider;
        (_publicKey, _keyProblem) = ReadKey(options.Value.WebhookPublicKey);
    }

    /// <summary>Verifies the post and, when it is genuine and recent, parses its events.</summary>
    /// <param name="signature">The <see cref="SignatureHeader"/> value.</param>
    /// <param name="timestamp">The <see cref="TimestampHeader"/> value.</param>
    /// <param name="body">The request body exactly as received (any re-serialisation breaks the signature).</param>
    public SendGridWebhookResult Read(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (!Verify(signature, timestamp, body, out var rejection))
        {
            return SendGridWebhookResult.Rejected(rejection);
        }

        try
        {
            return SendGridWebhookResult.Accepted(SendGridEventParser.Parse(body));
        }
        catch (FormatException ex)
        {
            return SendGridWebhookResult.Rejected(ex.Message);
        }
    }

    /// <summary>Whether the post was signed with the configured key within the timestamp tolerance.</summary>
    public bool Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body, [NotNullWhen(false)] out string? rejection)
    {
        rejection = Check(signature, timestamp, body);
        return rejection is null;
    }

    private string? Check(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_publicKey is null)
        {
            return _keyProblem;
        }

        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrWhiteSpace(timestamp))
        {
            return $"The {SignatureHeader} or {TimestampHeader} header is missing.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return $"The timestamp '{timestamp}' is not a Unix time in seconds.";
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > _tolerance)
        {
            return $"The timestamp is {age:g} from now, outside the {_tolerance:g} tolerance (a replayed or delayed post).";
        }

        var signatureBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, signatureBytes, out var length))
        {
            return "The signature is not base64.";
        }

        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(written));

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_publicKey, out _);
        try
        {
            return key.VerifyData(signed, signatureBytes.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                ? null
                : "The signature does not match the body and timestamp.";
        }
        catch (CryptographicException)
        {
            return "The signature is not a DER-encoded ECDSA signature.";
        }
    }

    private static (byte[]? Key, string? Problem) ReadKey(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return (null, $"{SendGridOptions.SectionName}:WebhookPublicKey is not set, so no post can be verified.");
        }

        try
        {
            using var key = ECDsa.Create();
            if (configured.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(configured);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(configured.Trim()), out _);
            }

            return (key.ExportSubjectPublicKeyInfo(), null);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            return (null, $"{SendGridOptions.SectionName}:WebhookPublicKey is not an EC public key: {ex.Message}");
        }
    }
}
