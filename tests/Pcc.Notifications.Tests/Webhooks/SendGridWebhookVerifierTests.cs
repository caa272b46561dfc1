using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Notifications.Email.Webhooks;

namespace Pcc.Notifications.Tests.Webhooks;

public sealed class SendGridWebhookVerifierTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    private const string Events = """
        [
          {"email":"gone@example.org","timestamp":1795419000,"event":"bounce","type":"bounce","reason":"550 5.1.1 unknown user","sg_message_id":"abc.filter1"},
          {"email":"blocked@example.org","timestamp":1795419000,"event":"bounce","type":"blocked","reason":"421 try later"},
          {"email":"dropped@example.org","timestamp":1795419001,"event":"dropped","reason":"Bounced Address"},
          {"email":"annoyed@example.org","timestamp":1795419002,"event":"spamreport"},
          {"email":"leaving@example.org","timestamp":1795419003,"event":"unsubscribe"},
          {"email":"Gone@Example.org","timestamp":1795419004,"event":"dropped"},
          {"email":"happy@example.org","timestamp":1795419005,"event":"delivered","sg_message_id":"def.filter2"},
          {"email":"reader@example.org","timestamp":1795419006,"event":"open"},
          {"email":"new@example.org","timestamp":1795419007,"event":"some_future_event"}
        ]
        """;

    private readonly ECDsa _sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _sendGridKey.Dispose();

    [Fact]
    public void APostSignedBySendGridIsAcceptedAndItsEventsRead()
    {
        var (signature, timestamp, body) = Sign(Events, s_now);

        var result = Verifier().Read(signature, timestamp, body);

        Assert.True(result.IsAccepted, result.Rejection);
        Assert.Equal(9, result.Events.Count);
        var bounce = result.Events[0];
        Assert.Equal(SendGridEventType.Bounce, bounce.Type);
        Assert.Equal("gone@example.org", bounce.Email);
        Assert.Equal("abc.filter1", bounce.MessageId);
        Assert.Equal("550 5.1.1 unknown user", bounce.Reason);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795419000), bounce.Timestamp);
        Assert.Equal(SendGridEventType.Unknown, result.Events[^1].Type);
        Assert.Equal("some_future_event", result.Events[^1].EventName);
    }

    [Fact]
    public void BouncesDropsSpamReportsAndUnsubscribesSuppressButDeliveriesOpensAndBlocksDoNot()
    {
        var (signature, timestamp, body) = Sign(Events, s_now);

        var result = Verifier().Read(signature, timestamp, body);

        Assert.Equal(["gone@example.org", "dropped@example.org", "annoyed@example.org", "leaving@example.org"], result.AddressesToSuppress);
    }

    [Fact]
    public void AnAlteredBodyIsRejected()
    {
        var (signature, timestamp, body) = Sign(Events, s_now);
        body[10] ^= 1;

        AssertRejected(Verifier().Read(signature, timestamp, body), "does not match");
    }

    [Fact]
    public void AnAlteredTimestampIsRejected()
    {
        var (signature, timestamp, body) = Sign(Events, s_now);
        var altered = (long.Parse(timestamp, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

        AssertRejected(Verifier().Read(signature, altered, body), "does not match");
    }

    [Fact]
    public void APostSignedWithAnotherKeyIsRejected()
    {
        var (signature, timestamp, body) = Sign(Events, s_now);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        AssertRejected(Verifier(Convert.ToBase64String(other.ExportSubjectPublicKeyInfo())).Read(signature, timestamp, body), "does not match");
    }

    [Theory]
    [InlineData(-11)]
    [InlineData(11)]
    public void ATimestampOutsideTheToleranceIsRejected(int minutes)
    {
        var (signature, timestamp, body) = Sign(Events, s_now.AddMinutes(minutes));

        AssertRejected(Verifier().Read(signature, timestamp, body), "tolerance");
    }

    [Fact]
    public void ATimestampWithinTheToleranceIsAccepted()
    {
        var (signature, timestamp, body) = Sign(Events, s_now.AddMinutes(-9));

        Assert.True(Verifier().Read(signature, timestamp, body).IsAccepted);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAECAwQFBgcICQ==")]
    [InlineData("")]
    public void AGarbageSignatureIsRejected(string signature)
    {
        var (_, timestamp, body) = Sign(Events, s_now);

        Assert.False(Verifier().Read(signature, timestamp, body).IsAccepted);
    }

    [Fact]
    public void AMissingOrMalformedTimestampIsRejected()
    {
        var (signature, _, body) = Sign(Events, s_now);

        AssertRejected(Verifier().Read(signature, null, body), "missing");
        AssertRejected(Verifier().Read(signature, "yesterday", body), "Unix time");
    }

    [Fact]
    public void ASignedBodyThatIsNotUtf8IsRejected()
    {
        var timestamp = s_now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] body = [(byte)'[', 0xFF, 0xFE, (byte)']'];
        var signature = Convert.ToBase64String(_sendGridKey.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        AssertRejected(Verifier().Read(signature, timestamp, body), "not UTF-8");
    }

    [Fact]
    public void AGenuinePostThatIsNotAnEventArrayIsRejected()
    {
        var (signature, timestamp, body) = Sign("""{"email":"x@example.org"}""", s_now);

        AssertRejected(Verifier().Read(signature, timestamp, body), "not an array");
    }

    [Fact]
    public void WithoutAConfiguredKeyEveryPostIsRejected()
    {
        var (signature, timestamp, body) = Sign(Events, s_now);

        AssertRejected(Verifier("").Read(signature, timestamp, body), "WebhookPublicKey is not set");
        AssertRejected(Verifier("bm90IGEga2V5").Read(signature, timestamp, body), "not an EC public key");
    }

    [Fact]
    public void APemKeyWorksAsWellAsSendGridsBase64()
    {
        var (signature, timestamp, body) = Sign(Events, s_now);

        Assert.True(Verifier(_sendGridKey.ExportSubjectPublicKeyInfoPem()).Read(signature, timestamp, body).IsAccepted);
    }

    private SendGridWebhookVerifier Verifier(string? publicKey = null) => new(
        Options.Create(new SendGridOptions { WebhookPublicKey = publicKey ?? Convert.ToBase64String(_sendGridKey.ExportSubjectPublicKeyInfo()) }),
        new ManualClock(s_now));

    // As SendGrid signs: ECDSA P-256 with SHA-256 over the timestamp header followed by the raw body, DER, base64.
    private (string Signature, string Timestamp, byte[] Body) Sign(string json, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(json);
        var signature = _sendGridKey.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return (Convert.ToBase64String(signature), timestamp, body);
    }

    private static void AssertRejected(SendGridWebhookResult result, string reason)
    {
        Assert.False(result.IsAccepted);
        Assert.Contains(reason, result.Rejection);
        Assert.Empty(result.Events);
        Assert.Empty(result.AddressesToSuppress);
    }
}
