using System.Net;
using System.Text.RegularExpressions;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Digests;

/// <summary>A reader's whole journey through the worker: the front door, Azurite and a real MailDev.</summary>
public sealed partial class DigestFlowTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Violence = "violence-and-exploitation";
    private const string Covid = "covid-recovery";

    [Fact]
    public async Task ASubscriberGetsOneDigestOfTheirThemesThenOnlyLaterChangesAndNothingAfterUnsubscribing()
    {
        var briefing = AppFixture.UniqueBriefingName();
        var address = MailDevFixture.UniqueAddress();
        await app.SubscribeAndConfirmAsync(address, [Violence, Covid]);

        await app.IngestAsync(briefing, SeedBriefing.Bytes, version: 1);
        await app.RunAsync("SendDailyDigests");

        var first = Assert.Single(await app.WaitForDigestsAsync(address, 1));
        Assert.Contains("Scottish Violence Reduction Unit", first.Text);
        Assert.Contains("Sussex", first.Text);
        Assert.DoesNotContain("Restorative Gloucestershire", first.Text);
        Assert.DoesNotContain("WEDINOS", first.Text);
        Assert.Contains("Public Safety, Public Trust", first.Text);
        Assert.DoesNotContain(AppFixture.SlugOf(briefing), WithoutAddresses(first.Text));

        await app.RunAsync("SendDailyDigests");
        Assert.Single(await app.SettledDigestsToAsync(address));

        await app.IngestAsync(briefing, SeedBriefing.LaterVersion, version: 2);
        await app.RunAsync("SendDailyDigests");

        var digests = await app.WaitForDigestsAsync(address, 2);
        var second = digests.Single(d => d.Id != first.Id);
        Assert.Contains("41", second.Text);
        Assert.Contains("39", second.Text);
        Assert.Contains("Cleveland", second.Text);
        Assert.DoesNotContain("Warwickshire", second.Text);
        Assert.DoesNotContain("Restorative Gloucestershire", second.Text);
        Assert.Contains("no longer in Public Safety, Public Trust", second.Text);
        Assert.DoesNotContain(AppFixture.SlugOf(briefing), WithoutAddresses(second.Text));

        var unsubscribe = second.Header("List-Unsubscribe")!.Trim('<', '>', ' ');
        Assert.StartsWith(app.Host.FrontDoorAddress.ToString(), unsubscribe);
        using (var oneClick = await app.Http.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        await app.IngestAsync(briefing, SeedBriefing.Edited(t => SeedBriefing.Later(t).Replace("41 per cent", "43 per cent", StringComparison.Ordinal)), version: 3);
        await app.RunAsync("SendDailyDigests");
        Assert.Equal(2, (await app.SettledDigestsToAsync(address)).Count);
    }

    // A briefing is named by its title; its slug may only be part of a link.
    private static string WithoutAddresses(string? text) => Address().Replace(text ?? "", "");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Address();
}
