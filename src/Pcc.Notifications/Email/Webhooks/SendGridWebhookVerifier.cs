using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using EllipticCurve;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Email.SendGrid;
using SendGrid.Helpers.EventWebhook;

namespace Pcc.Notifications.Email.Webhooks;

/// <summary>
/// Verifies SendGrid's signed Event Webhook posts and reads their events. The signature (ECDSA P-256 / SHA-256 over
/// the timestamp header followed by the raw body) is checked by the SendGrid library's <see cref="RequestValidator"/>;
/// what it lacks is kept here: refusing posts whose timestamp is outside a tolerance (replays), bodies that are not
/// UTF-8, and reading the events ("Getting Started with the Event Webhook Security Features",
/// twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features).
/// </summary>
public sealed class SendGridWebhookVerifier
{
    /// <summary>The header with the base64 signature.</summary>
    public const string SignatureHeader = RequestValidator.SIGNATURE_HEADER;

    /// <summary>The header with the signing time in Unix seconds.</summary>
    public const string TimestampHeader = RequestValidator.TIMESTAMP_HEADER;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly RequestValidator _validator = new();
    private readonly PublicKey? _publicKey;
    private readonly string? _keyProblem;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier for the key in <see cref="SendGridOptions.WebhookPublicKey"/>.</summary>
    public SendGridWebhookVerifier(IOptions<SendGridOptions> options, TimeProvider timeProvider)
    {
        _tolerance = options.Value.WebhookTimestampTolerance;
        _time = timeProvider;
        (_publicKey, _keyProblem) = ReadKey(_validator, options.Value.WebhookPublicKey);
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

        string payload;
        try
        {
            // The library verifies text; strict decoding keeps text and bytes one-to-one, so what is verified is what is read.
            payload = s_strictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return "The body is not UTF-8.";
        }

        try
        {
            return _validator.VerifySignature(_publicKey, payload, signature, timestamp)
                ? null
                : "The signature does not match the body and timestamp.";
        }
        catch (Exception ex) when (IsMalformedInput(ex))
        {
            return "The signature is not a base64, DER-encoded ECDSA signature.";
        }
    }

    private static (PublicKey? Key, string? Problem) ReadKey(RequestValidator validator, string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return (null, $"{SendGridOptions.SectionName}:WebhookPublicKey is not set, so no post can be verified.");
        }

        try
        {
            return (validator.ConvertPublicKeyToECDSA(configured.Trim()), null);
        }
        catch (Exception ex) when (IsMalformedInput(ex))
        {
            return (null, $"{SendGridOptions.SectionName}:WebhookPublicKey is not an EC public key: {ex.Message}");
        }
    }

    // The library reports a malformed key or signature as a FormatException (not base64) or an ArgumentException (not DER).
    private static bool IsMalformedInput(Exception ex) =>
        ex is FormatException or ArgumentException;
}
