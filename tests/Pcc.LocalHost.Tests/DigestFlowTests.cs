using System.Net;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

/// <summary>A reader's whole journey, through the front door, Azurite and a real MailDev.</summary>
public sealed class DigestFlowTests(AzuriteFixture azurite, MailDevFixture mailDev)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private const string Violence = "violence-and-exploitation";
    private const string Covid = "covid-recovery";

    [Fact]
    public async Task ASubscriberGetsOneDigestOfTheirThemesThenOnlyLaterChangesAndNothingAfterUnsubscribing()
    {
        var mail = mailDev.MailDev;
        await using var test = await MailHost.StartAsync(azurite.Azurite, mail);
        var address = MailDevFixture.UniqueAddress();
        await MailHost.SubscribeAndConfirmAsync(test, mail, address, [Violence, Covid]);

        await MailHost.IngestAsync(test, Seeds.Briefing, version: 1);
        await MailHost.RunAsync(test, "SendDailyDigests");

        var first = Assert.Single(await EventuallyDigestsAsync(address, 1));
        Assert.Contains("Scottish Violence Reduction Unit", first.Text);
        Assert.Contains("Sussex", first.Text);
        Assert.DoesNotContain("Restorative Gloucestershire", first.Text);
        Assert.DoesNotContain("WEDINOS", first.Text);

        await MailHost.RunAsync(test, "SendDailyDigests");
        await Task.Delay(300);
        Assert.Single(await MailHost.DigestsToAsync(mail, address));

        await MailHost.IngestAsync(test, MailHost.Edited(LaterVersion.Apply), version: 2);
        await MailHost.RunAsync(test, "SendDailyDigests");

        var digests = await EventuallyDigestsAsync(address, 2);
        var second = digests.Single(d => d.Id != first.Id);
        Assert.Contains("41", second.Text);
        Assert.Contains("39", second.Text);
        Assert.Contains("Cleveland", second.Text);
        Assert.DoesNotContain("Warwickshire", second.Text);
        Assert.DoesNotContain("Restorative Gloucestershire", second.Text);

        var unsubscribe = second.Header("List-Unsubscribe")!.Trim('<', '>', ' ');
        Assert.StartsWith(test.Host.FrontDoorAddress.ToString(), unsubscribe);
        using (var oneClick = await test.Http.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        await MailHost.IngestAsync(test, MailHost.Edited(t => LaterVersion.Apply(t).Replace("41 per cent", "43 per cent", StringComparison.Ordinal)), version: 3);
        await MailHost.RunAsync(test, "SendDailyDigests");
        await Task.Delay(300);
        Assert.Equal(2, (await MailHost.DigestsToAsync(mail, address)).Count);
    }

    private Task<IReadOnlyList<MailDevMessage>> EventuallyDigestsAsync(string address, int count) =>
        TestHost.EventuallyAsync(() => MailHost.DigestsToAsync(mailDev.MailDev, address), d => d.Count >= count, $"{count} digest(s) to {address}", TimeSpan.FromSeconds(15));
}
