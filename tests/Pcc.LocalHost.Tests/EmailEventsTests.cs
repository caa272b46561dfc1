using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pcc.LocalHost.Tests.Support;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

/// <summary>SendGrid's signed Event Webhook, with a key pair made for the test standing in for SendGrid's.</summary>
public sealed class EmailEventsTests(AzuriteFixture azurite, MailDevFixture mailDev)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private readonly ECDsa _sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Fact]
    public async Task ASignedBounceSuppressesTheSubscriberSoNoDigestGoesToThem()
    {
        await using var test = await StartAsync();
        var address = MailDevFixture.UniqueAddress();
        await MailHost.SubscribeAndConfirmAsync(test, mailDev.MailDev, address, ["violence-and-exploitation"]);

        using var response = await PostAsync(test, Bounce(address), _sendGrid);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal(SubscriberStatus.Suppressed, (await FindAsync(test, address))!.Status);
        await MailHost.IngestAsync(test, Seeds.Briefing, version: 1);
        await MailHost.RunAsync(test, "SendDailyDigests");
        await Task.Delay(300);
        Assert.Empty(await MailHost.DigestsToAsync(mailDev.MailDev, address));
    }

    [Fact]
    public async Task UnsignedForgedOrMalformedPostsAreRefusedAndChangeNothing()
    {
        await using var test = await StartAsync();
        var address = MailDevFixture.UniqueAddress();
        await MailHost.SubscribeAndConfirmAsync(test, mailDev.MailDev, address, ["violence-and-exploitation"]);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var unsigned = await PostAsync(test, Bounce(address), signer: null);
        using var forged = await PostAsync(test, Bounce(address), forger);
        using var stale = await PostAsync(test, Bounce(address), _sendGrid, DateTimeOffset.UtcNow.AddHours(-1));
        using var malformed = await PostAsync(test, "[{\"email\":", _sendGrid);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(SubscriberStatus.Active, (await FindAsync(test, address))!.Status);
    }

    private Task<TestHost> StartAsync() => MailHost.StartAsync(azurite.Azurite, mailDev.MailDev, new Dictionary<string, string?>
    {
        ["Email:SendGrid:WebhookPublicKey"] = Convert.ToBase64String(_sendGrid.ExportSubjectPublicKeyInfo()),
    });

    private static string Bounce(string address) =>
        $$"""[{"email":"{{address}}","event":"bounce","type":"bounce","reason":"550 5.1.1 unknown user","timestamp":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"sg_message_id":"m1"}]""";

    private static async Task<HttpResponseMessage> PostAsync(TestHost test, string body, ECDsa? signer, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/email-events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signer is not null)
        {
            var signature = signer.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature));
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }

        return await test.Http.SendAsync(request);
    }

    private static Task<Subscriber?> FindAsync(TestHost test, string address) =>
        test.AppServices.GetRequiredService<SubscriberStore>().FindByAddressAsync(address);
}
