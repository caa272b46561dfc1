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

    [Fact]
    public async Task ACorrectionReachesOnlyThoseWhoAskForMinorCorrectionsAndAFigureChangeReachesEveryoneWithTheEditorsNote()
    {
        var briefing = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(briefing);
        var reader = MailDevFixture.UniqueAddress();
        var proofreader = MailDevFixture.UniqueAddress();
        await app.SubscribeAndConfirmAsync(reader, [Violence, Covid]);
        await app.SubscribeAndConfirmAsync(proofreader, [Violence, Covid], includeMinorCorrections: true);
        await app.IngestAsync(briefing, SeedBriefing.Bytes, version: 1);
        await app.RunAsync("SendDailyDigests");
        await app.WaitForDigestsAsync(reader, 1);
        await app.WaitForDigestsAsync(proofreader, 1);

        // Version 2 only corrects case study 3: the proofreader hears of it, the reader does not.
        await app.IngestAsync(briefing, SeedBriefing.Edited(SeedBriefing.Corrected), version: 2);
        await app.RunAsync("SendDailyDigests");
        var correction = (await app.WaitForDigestsAsync(proofreader, 2))[^1];
        Assert.Contains("Minor correction", correction.Text);
        Assert.Contains("Scottish Violence Reduction Unit", correction.Text);
        Assert.Single(await app.SettledDigestsToAsync(reader));

        // Version 3 changes a figure, with the editor's note in the blob's metadata (percent-encoded, as UTF-8).
        const string note = "Figures updated to the 2025 homicide statistics \u2014 see the Scottish Government's release.";
        await app.IngestAsync(briefing, SeedBriefing.Edited(t => SeedBriefing.Corrected(t).Replace("homicides fall 39 per cent", "homicides fall 41 per cent", StringComparison.Ordinal)),
            version: 3, new Dictionary<string, string> { ["changenote"] = Uri.EscapeDataString(note) });
        await app.RunAsync("SendDailyDigests");
        var update = (await app.WaitForDigestsAsync(reader, 2))[^1];
        Assert.Contains("Updated case study", update.Text);
        Assert.Contains("41", update.Text);
        Assert.Contains($"Editor's note: {note}", update.Text);
        Assert.Contains("note: Figures updated to the 2025 homicide statistics", update.Html);

        // The grade and note are in every change record: the briefing's versions, the changes, the history and the feed.
        var versions = (await app.GetJsonAsync($"api/briefings/{slug}")).GetProperty("versions").EnumerateArray().ToDictionary(v => v.GetProperty("version").GetInt32());
        var corrected = Assert.Single(versions[2].GetProperty("changes").EnumerateArray());
        Assert.Equal("editorial", corrected.GetProperty("grade").GetString());
        Assert.Equal(1, versions[2].GetProperty("editorial").GetInt32());
        var changed = Assert.Single(versions[3].GetProperty("changes").EnumerateArray());
        Assert.Equal("substantive", changed.GetProperty("grade").GetString());
        Assert.Equal(note, changed.GetProperty("note").GetString());
        Assert.Equal(note, versions[3].GetProperty("changeNote").GetString());

        var key = changed.GetProperty("key").GetString()!;
        Assert.Equal(key, corrected.GetProperty("key").GetString());
        var since = Uri.EscapeDataString(versions[2].GetProperty("ingestedAt").GetDateTimeOffset().ToString("O"));
        var records = (await app.GetJsonAsync($"api/changes?since={since}")).EnumerateArray().Where(c => c.GetProperty("briefing").GetString() == slug).ToList();
        Assert.Equal(["editorial", "substantive"], records.Select(c => c.GetProperty("grade").GetString()));
        Assert.Equal([null, note], records.Select(c => c.GetProperty("note").GetString()));

        // Other briefings in this collection hold the same case study (the seed's words give the same key): this briefing's history only.
        var history = (await app.GetJsonAsync($"api/case-studies/{key}")).GetProperty("history").EnumerateArray().Where(h => h.GetProperty("briefing").GetString() == slug).ToList();
        Assert.Equal(["substantive", "editorial", "substantive"], history.Select(h => h.GetProperty("grade").GetString()));
        var page = await app.Http.GetStringAsync($"case-studies/{key}");
        Assert.Contains("Minor correction in", page);
        Assert.Contains("note: Figures updated to the 2025 homicide statistics", page);

        var feed = System.Xml.Linq.XDocument.Parse(await app.Http.GetStringAsync($"feeds/themes/{Violence}.atom"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").Where(e => e.Element(atom + "id")!.Value.Contains(slug, StringComparison.Ordinal)).ToList();
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value == "Minor correction: " + history[1].GetProperty("title").GetString()
            && e.Elements(atom + "category").Any(c => c.Attribute("term")?.Value == "editorial"));
        Assert.Contains(entries, e => WebUtility.HtmlDecode(e.Element(atom + "summary")!.Value).Contains($"Editor's note: {note}", StringComparison.Ordinal)
            && e.Elements(atom + "category").Any(c => c.Attribute("term")?.Value == "substantive"));
    }

    // A briefing is named by its title; its slug may only be part of a link.
    private static string WithoutAddresses(string? text) => Address().Replace(text ?? "", "");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Address();
}
