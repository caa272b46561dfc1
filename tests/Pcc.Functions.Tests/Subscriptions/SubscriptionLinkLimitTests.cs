using Pcc.Notifications.Digests;
using System.Net;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>Links whose token verifies are never limited; only failed tokens count, per client (two a minute here).</summary>
[Collection(LimitsCollection.Name)]
public sealed class SubscriptionLinkLimitTests(LimitsFixture app)
{
    private const int Readers = 1000;

    /// <summary>What a mail provider does: every reader's RFC 8058 POST comes from one of its few addresses.</summary>
    [Fact]
    public async Task AThousandOneClickUnsubscribesFromOneClientAllUnsubscribe()
    {
        using var reader = new ReaderClient(app);
        var subscriptions = app.GetRequiredService<SubscriptionService>();
        var links = app.GetRequiredService<SubscriptionLinks>();
        var addresses = Enumerable.Range(0, Readers).Select(_ => MailDevFixture.UniqueAddress("leaving")).ToArray();
        var unsubscribe = new Uri[Readers];
        await Parallel.ForAsync(0, Readers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            var subscriber = await subscriptions.AddConfirmedAsync(addresses[i], [Themes.Drugs], DigestFrequency.Weekly, cancellationToken)
                ?? throw new Xunit.Sdk.XunitException($"{addresses[i]} was not added.");
            unsubscribe[i] = await links.UnsubscribeUrlAsync(subscriber, cancellationToken);
        });
        Assert.Equal(Readers, (await reader.ActiveAsync(DigestFrequency.Weekly, addresses)).Count);

        var statuses = new HttpStatusCode[Readers];
        await Parallel.ForAsync(0, Readers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            using var response = await reader.OneClickUnsubscribeAsync(new Uri(unsubscribe[i].PathAndQuery, UriKind.Relative));
            statuses[i] = response.StatusCode;
        });

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Empty(await reader.ActiveAsync(DigestFrequency.Weekly, addresses));
    }

    [Fact]
    public async Task BogusTokensFromOneClientAreRefusedAfterTheLimitButAGenuineUnsubscribeStillWorks()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("genuine");
        await app.GetRequiredService<SubscriptionService>().AddConfirmedAsync(email, [Themes.Drugs], DigestFrequency.Daily);
        var genuine = await reader.UnsubscribeLinkAsync(email);

        var statuses = new List<HttpStatusCode>();
        await ReaderClient.StartOfWindowAsync(TimeSpan.FromSeconds(20));
        for (var i = 0; i < 3; i++)
        {
            using var bogus = await reader.OneClickUnsubscribeAsync(new Uri($"{ReaderClient.Unsubscribe}?token=guess{i}", UriKind.Relative));
            statuses.Add(bogus.StatusCode);
        }

        using var unsubscribed = await reader.OneClickUnsubscribeAsync(genuine);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Empty(await reader.ActiveAsync(DigestFrequency.Daily, email));
    }

    /// <summary>The front door appends the address that connected, as Azure's does; the app counts that, not what the client wrote.</summary>
    [Fact]
    public async Task AClientThatForgesXForwardedForIsStillCountedByItsRealAddress()
    {
        using var reader = new ReaderClient(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{ReaderClient.Me}?token=guess{i}");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            using var response = await reader.Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }
}
