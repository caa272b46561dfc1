using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Pcc.Catalogue.Storage;
using Pcc.Functions.EmailEvents;
using Pcc.Functions.Tests.Subscriptions;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.EmailEvents;

/// <summary>SendGrid's signed Event Webhook through the worker.</summary>
public sealed class EmailEventsTests(SignedWebhookApp app) : IClassFixture<SignedWebhookApp>
{
    private const string Violence = "violence-and-exploitation";

    [Fact]
    public async Task ASignedBounceSuppressesTheSubscriberSoNoDigestGoesToThem()
    {
        var address = MailDevFixture.UniqueAddress();
        await app.SubscribeAndConfirmAsync(address, [Violence]);

        using var response = await PostAsync(Bounce(address), app.SendGrid);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal(SubscriberStatus.Suppressed, (await FindAsync(address))!.Status);
        await app.IngestAsync(AppFixture.UniqueBriefingName(), SeedBriefing.Bytes, version: 1);
        await app.RunAsync("SendDailyDigests");
        Assert.Empty(await app.SettledDigestsToAsync(address));
    }

    [Fact]
    public async Task UnsignedForgedOrMalformedPostsAreRefusedAndChangeNothing()
    {
        var address = MailDevFixture.UniqueAddress();
        await app.SubscribeAndConfirmAsync(address, [Violence]);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var unsigned = await PostAsync(Bounce(address), signer: null);
        using var forged = await PostAsync(Bounce(address), forger);
        using var stale = await PostAsync(Bounce(address), app.SendGrid, DateTimeOffset.UtcNow.AddHours(-1));
        using var malformed = await PostAsync("[{\"email\":", app.SendGrid);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(SubscriberStatus.Active, (await FindAsync(address))!.Status);
    }

    [Fact]
    public async Task ABounceForAnotherSpellingOfTheAddressSuppressesTheSubscriber()
    {
        var address = MailDevFixture.UniqueAddress("Spelled");
        await app.SubscribeAndConfirmAsync(address, [Violence]);

        using var response = await PostAsync(Bounce(address.ToLowerInvariant()), app.SendGrid);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(SubscriberStatus.Suppressed, (await FindAsync(address))!.Status);
        Assert.Empty(await StoredText.EntitiesHoldingAsync(app.GetRequiredService<PccStore>().Subscribers, address));
    }

    [Fact]
    public async Task ABounceForAnAddressTheAppDoesNotKnowKeepsNothing()
    {
        var address = MailDevFixture.UniqueAddress("stranger");
        await app.GetRequiredService<PccStore>().EnsureCreatedAsync();
        var table = app.GetRequiredService<PccStore>().Subscribers;
        var before = await StoredText.KeysAsync(table);

        using var response = await PostAsync(Bounce(address), app.SendGrid);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty((await StoredText.KeysAsync(table)).Except(before));
        Assert.Empty(await StoredText.EntitiesHoldingAsync(table, address));
        Assert.Null(await FindAsync(address));
    }

    [Fact]
    public async Task AnOverSizePostIsRefused()
    {
        using var content = new ByteArrayContent(new byte[EmailEventsApi.MaxBodyBytes + 1]);

        using var response = await app.Http.PostAsync("api/email-events", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static string Bounce(string address) =>
        $$"""[{"email":"{{address}}","event":"bounce","type":"bounce","reason":"550 5.1.1 unknown user","timestamp":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"sg_message_id":"m1"}]""";

    private async Task<HttpResponseMessage> PostAsync(string body, ECDsa? signer, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/email-events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signer is not null)
        {
            var signature = signer.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature));
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }

        return await app.Http.SendAsync(request);
    }

    private Task<Subscriber?> FindAsync(string address) => app.GetRequiredService<SubscriberStore>().FindByAddressAsync(address);
}
