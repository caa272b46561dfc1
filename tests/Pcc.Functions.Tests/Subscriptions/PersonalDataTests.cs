using System.Net;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Email;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using Pcc.Testing.App;
using static Pcc.Functions.Tests.Subscriptions.ReaderClient;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>One mailbox is one subscriber, a link confirms what its email said, and addresses are not kept beyond their use.</summary>
[Collection(SubscriptionsCollection.Name)]
public sealed class PersonalDataTests(SubscriptionsFixture app)
{
    [Fact]
    public async Task EightSpellingsOfOneAddressGetAtMostThreeConfirmationEmails()
    {
        using var reader = new ReaderClient(app);
        var address = MailDevFixture.UniqueAddress("victim");
        var spellings = Enumerable.Range(0, 8).Select(i => Spelling(address, i)).ToList();
        Assert.Equal(8, spellings.Distinct(StringComparer.Ordinal).Count());

        foreach (var spelling in spellings)
        {
            using var response = await reader.SubscribeAsync(spelling, [Themes.Drugs]);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.Async(() => MailToAnySpellingAsync(address), m => m.Count >= 1, $"mail to {address}");
        await Task.Delay(MailDev.Settle);
        var mail = await MailToAnySpellingAsync(address);
        Assert.InRange(mail.Count, 1, 3);
        Assert.All(mail, m => Assert.Contains(m.To.Single(), spellings));
    }

    [Fact]
    public async Task AnEarlierLinkConfirmsWhatItsEmailSaidAfterALaterDifferentRequest()
    {
        using var reader = new ReaderClient(app);
        var address = MailDevFixture.UniqueAddress("earlier");
        using (await reader.SubscribeAsync(address, [Themes.Violence], "daily"))
        {
        }

        var victimsLink = (await reader.WaitForMailAsync(address))[0].Link(Confirm);
        using (await reader.SubscribeAsync(address.ToUpperInvariant(), [Themes.Drugs], "weekly"))
        {
        }

        await Eventually.Async(() => MailToAnySpellingAsync(address), m => m.Count >= 2, "the second confirmation email");
        await reader.ConfirmAsync(victimsLink);

        var stored = await reader.StoredAsync(address);
        Assert.Equal(SubscriberStatus.Active, stored!.Status);
        Assert.Equal([Themes.Violence], stored.Themes);
        Assert.Equal(DigestFrequency.Daily, stored.Frequency);
        Assert.Equal(address, stored.Address);
    }

    [Fact]
    public async Task UnsubscribingLeavesTheAddressNowhereInTheSubscribersTable()
    {
        using var reader = new ReaderClient(app);
        var address = MailDevFixture.UniqueAddress("leaving");
        await reader.SubscribeAndConfirmAsync(address, [Themes.Victims]);
        var table = app.GetRequiredService<PccStore>().Subscribers;
        Assert.NotEmpty(await StoredText.EntitiesHoldingAsync(table, address));

        using var unsubscribed = await reader.OneClickUnsubscribeAsync(await reader.UnsubscribeLinkAsync(address));

        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Empty(await StoredText.EntitiesHoldingAsync(table, address));
        Assert.Empty(await StoredText.EntitiesHoldingAsync(table, SubscriberIds.ForAddress(address)));
        Assert.Equal(SubscriberStatus.Unsubscribed, (await reader.StoredAsync(address))!.Status);
    }

    [Fact]
    public async Task AnUnconfirmedRequestIsDeletedOnceItsLinkHasExpired()
    {
        var time = new FakeTimeProvider();
        await using var services = await HostlessApp.CreateAsync(time, services: s => s.AddSingleton<IEmailTransport>(new RecordingEmailTransport()));
        var store = services.GetRequiredService<SubscriberStore>();
        const string Address = "Stranger@example.org";
        await services.GetRequiredService<SubscriptionService>().RequestAsync(Address, [Themes.Drugs], DigestFrequency.Daily);
        var lifetime = services.GetRequiredService<SubscriptionOptions>().ConfirmTokenLifetime;

        time.Advance(lifetime - TimeSpan.FromMinutes(1));
        await store.PurgeExpiredRequestsAsync(time.GetUtcNow() - lifetime);
        Assert.Equal(SubscriberStatus.Pending, (await store.FindByAddressAsync(Address))!.Status);

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await store.PurgeExpiredRequestsAsync(time.GetUtcNow() - lifetime));
        Assert.Null(await store.FindByAddressAsync(Address));
        Assert.Empty(await StoredText.EntitiesHoldingAsync(services.Store.Subscribers, Address));
    }

    private async Task<List<MailDevMessage>> MailToAnySpellingAsync(string address) =>
        [.. (await app.MailDev.ListAsync()).Where(m => m.To.Any(t => string.Equals(t, address, StringComparison.OrdinalIgnoreCase)))];

    // The i-th of 2^k case patterns over the local part's letters.
    private static string Spelling(string address, int i)
    {
        var chars = address.ToCharArray();
        var letter = 0;
        for (var c = 0; c < chars.Length && chars[c] != '@'; c++)
        {
            if (char.IsAsciiLetter(chars[c]))
            {
                chars[c] = ((i >> letter++) & 1) == 1 ? char.ToUpperInvariant(chars[c]) : chars[c];
            }
        }

        return new string(chars);
    }
}
