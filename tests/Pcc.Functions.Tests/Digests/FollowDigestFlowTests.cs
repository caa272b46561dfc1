using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pcc.Functions.Tests.Subscriptions;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Digests;

/// <summary>
/// Readers who follow one case study or one briefing from its page, through the worker, Azurite and a real MailDev.
/// Case studies 12 and 13 of each test's briefing open with a word of the test's own, so their keys are the test's
/// own too (keys come from a case study's opening words, and the seed is shared by every test of the collection).
/// </summary>
public sealed partial class FollowDigestFlowTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AFollowerOfCaseStudy12HearsOnlyOfItsChangesAndOfItsRemovalAndItsPageStaysReadable()
    {
        var seed = new TaggedSeed();
        var briefing = AppFixture.UniqueBriefingName();
        var (twelve, _) = await IngestFirstVersionAsync(briefing, seed);
        using var reader = new ReaderClient(app);
        var address = MailDevFixture.UniqueAddress("follow12");

        var page = await reader.GetStringAsync(app.Url($"case-studies/{twelve.Key}"));
        Assert.Contains("Get emails about this", page);
        Assert.Contains($"<input type=\"hidden\" name=\"caseStudies\" value=\"{twelve.Key}\"", page);
        var checkEmail = await FollowFromPageAsync(reader, address, "caseStudies", twelve.Key);
        Assert.Contains($"Case study: {twelve.Title}", WebUtility.HtmlDecode(checkEmail));
        var confirmation = Assert.Single(await reader.MailToAsync(address));
        Assert.Contains($"- Case study: {twelve.Title}", confirmation.Text);
        await reader.ConfirmAsync(confirmation.Link(ReaderClient.Confirm));

        // Case study 13 changes: nothing for the follower of 12.
        await app.IngestAsync(briefing, seed.Bytes(TaggedSeed.ChangeThirteen), version: 2);
        await app.RunAsync("SendDailyDigests");
        Assert.Empty(await app.SettledDigestsToAsync(address));

        // Case study 12 changes: one digest with it, and only it.
        await app.IngestAsync(briefing, seed.Bytes(TaggedSeed.ChangeThirteen, TaggedSeed.ChangeTwelve), version: 3);
        await app.RunAsync("SendDailyDigests");
        var digest = Assert.Single(await app.WaitForDigestsAsync(address, 1));
        Assert.Equal("1 update in case studies you follow: 1 changed", digest.Subject);
        Assert.Contains("CASE STUDIES YOU FOLLOW", digest.Text);
        Assert.Contains("Updated case study", digest.Text);
        Assert.Contains("6-month", digest.Text);
        Assert.DoesNotContain("CASSPLUS", digest.Text);
        Assert.Single(ReadLinks(digest.Text));
        Assert.Contains("You get this email because you follow: 1 case study.", digest.Text);
        await app.RunAsync("SendDailyDigests");
        Assert.Single(await app.SettledDigestsToAsync(address));

        // Case study 12 is removed: a "removed" item, and its page still reads, saying when and from which version.
        await app.IngestAsync(briefing, seed.Bytes(TaggedSeed.ChangeThirteen, TaggedSeed.ChangeTwelve, TaggedSeed.RemoveTwelve), version: 4);
        await app.RunAsync("SendDailyDigests");
        var removed = (await app.WaitForDigestsAsync(address, 2)).Single(d => d.Id != digest.Id);
        Assert.Contains($"Removed case study: {twelve.Title}", removed.Text);
        Assert.Contains("This case study is no longer in Public Safety, Public Trust.", removed.Text);
        using var gone = await reader.Http.GetAsync($"case-studies/{twelve.Key}");
        var gonePage = WebUtility.HtmlDecode(await gone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, gone.StatusCode);
        Assert.Matches(@"This case study was removed from Public Safety, Public Trust in version 4 \(\d{1,2} \w+ \d{4}\)", Regex.Replace(gonePage, "<[^>]+>", ""));
        Assert.Contains("6-month long contract", gonePage);
        Assert.DoesNotContain("Get emails about this", gonePage);
    }

    [Fact]
    public async Task AFollowerOfTheBriefingHearsOfBothCaseStudiesItChanges()
    {
        var seed = new TaggedSeed();
        var briefing = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(briefing);
        var (twelve, thirteen) = await IngestFirstVersionAsync(briefing, seed);
        using var reader = new ReaderClient(app);
        var address = MailDevFixture.UniqueAddress("followbriefing");

        var page = await reader.GetStringAsync(app.Url($"briefings/{slug}"));
        Assert.Contains($"<input type=\"hidden\" name=\"briefings\" value=\"{slug}\"", page);
        Assert.Contains("Briefing: Public Safety, Public Trust", WebUtility.HtmlDecode(await FollowFromPageAsync(reader, address, "briefings", slug)));
        await reader.ConfirmAsync(Assert.Single(await reader.MailToAsync(address)).Link(ReaderClient.Confirm));

        await app.IngestAsync(briefing, seed.Bytes(TaggedSeed.ChangeTwelve, TaggedSeed.ChangeThirteen), version: 2);
        await app.RunAsync("SendDailyDigests");

        var digest = Assert.Single(await app.WaitForDigestsAsync(address, 1));
        Assert.Contains("BRIEFING: PUBLIC SAFETY, PUBLIC TRUST", digest.Text);
        Assert.Equal(new[] { twelve.Key, thirteen.Key }.Order(StringComparer.Ordinal), ReadLinks(digest.Text).Select(KeyOf).Order(StringComparer.Ordinal));
        Assert.Contains("6-month", digest.Text);
        Assert.Contains("2004", digest.Text);
        Assert.Contains("You get this email because you follow: the briefing Public Safety, Public Trust.", digest.Text);
    }

    [Fact]
    public async Task AFollowerOfTheBriefingAndOfItsThemeGetsEachChangeOnce()
    {
        var seed = new TaggedSeed();
        var briefing = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(briefing);
        var (twelve, thirteen) = await IngestFirstVersionAsync(briefing, seed);
        using var reader = new ReaderClient(app);
        var address = MailDevFixture.UniqueAddress("followboth");
        using (var subscribed = await reader.PostJsonAsync(new { email = address, themes = new[] { twelve.Theme }, briefings = new[] { slug }, frequency = "daily" }))
        {
            Assert.True(subscribed.StatusCode == HttpStatusCode.Accepted, await subscribed.Content.ReadAsStringAsync());
        }

        await reader.ConfirmAsync((await reader.WaitForMailAsync(address))[^1].Link(ReaderClient.Confirm));
        var me = await reader.Http.GetFromJsonAsync<JsonElement>($"{ReaderClient.Me}?token={await ManageTokenAsync(reader, address)}");
        Assert.Equal([slug], me.GetProperty("briefings").EnumerateArray().Select(b => b.GetString()));

        await app.IngestAsync(briefing, seed.Bytes(TaggedSeed.ChangeTwelve, TaggedSeed.ChangeThirteen), version: 2);
        await app.RunAsync("SendDailyDigests");

        var digest = Assert.Single(await app.WaitForDigestsAsync(address, 1));
        var links = ReadLinks(digest.Text).Select(KeyOf).ToList();
        Assert.Equal(1, links.Count(k => k == twelve.Key));
        Assert.Equal(1, links.Count(k => k == thirteen.Key));
        Assert.Equal(2, Regex.Matches(digest.Html!, "Read the case study").Count);
        await app.RunAsync("SendDailyDigests");
        Assert.Single(await app.SettledDigestsToAsync(address));
    }

    // Version 1, then a digest run, so the run after a test's reader subscribes holds only that test's changes.
    private async Task<(CaseStudyRef Twelve, CaseStudyRef Thirteen)> IngestFirstVersionAsync(string briefing, TaggedSeed seed)
    {
        var json = await app.IngestAsync(briefing, seed.Bytes(), version: 1);
        await app.RunAsync("SendDailyDigests");
        var changes = json.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 1).GetProperty("changes").EnumerateArray().ToList();
        CaseStudyRef Numbered(int n) => changes.Where(c => c.GetProperty("number").ValueKind == JsonValueKind.Number && c.GetProperty("number").GetInt32() == n)
            .Select(c => new CaseStudyRef(c.GetProperty("key").GetString()!, c.GetProperty("title").GetString()!, c.GetProperty("themeSlug").GetString()!)).Single();
        var twelve = Numbered(12);
        Assert.Contains(seed.Tag, twelve.Key);
        return (twelve, Numbered(13));
    }

    // What the page's "Get emails about this" form posts: the address, how often, and the followed item in a hidden field.
    private static async Task<string> FollowFromPageAsync(ReaderClient reader, string address, string field, string id)
    {
        using var posted = await reader.Http.PostAsync("subscribe", new FormUrlEncodedContent([new("email", address), new("frequency", "daily"), new(field, id)]));
        var page = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.OK, page);
        Assert.Contains("Check your email", page);
        await reader.WaitForMailAsync(address);
        return page;
    }

    private static async Task<string> ManageTokenAsync(ReaderClient reader, string address)
    {
        var confirmed = await reader.GetStringAsync((await reader.MailToAsync(address))[^1].Link(ReaderClient.Confirm));
        return ReaderClient.ManageToken(confirmed);
    }

    private static List<string> ReadLinks(string? text) => [.. ReadLink().Matches(text ?? "").Select(m => m.Groups[1].Value)];

    private static string KeyOf(string url) => Uri.UnescapeDataString(url[(url.LastIndexOf('/') + 1)..]);

    [GeneratedRegex(@"Read the case study: (\S+)")]
    private static partial Regex ReadLink();

    private sealed record CaseStudyRef(string Key, string Title, string Theme);

    /// <summary>The seed with case studies 12 and 13 opening with a word of this test's own, and edits of them.</summary>
    private sealed class TaggedSeed
    {
        public string Tag { get; } = "zq" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(8).Select(c => (char)('a' + (c - '0'))));

        public static string ChangeTwelve(string text) => text.Replace("individuals a 4-month long contract", "individuals a 6-month long contract", StringComparison.Ordinal);

        public static string ChangeThirteen(string text) => text.Replace("running since 2005,", "running since 2004,", StringComparison.Ordinal);

        public static string RemoveTwelve(string text) => Regex.Replace(text, @"Case study 12: [\s\S]*?for the duration of the process\.\s*", "");

        public byte[] Bytes(params Func<string, string>[] edits) => SeedBriefing.Edited(text =>
        {
            text = text.Replace("Case study 12: Checkpoint", $"Case study 12: {Tag}twelve Checkpoint", StringComparison.Ordinal)
                .Replace("Case study 13: CASSPLUS", $"Case study 13: {Tag}thirteen CASSPLUS", StringComparison.Ordinal);
            return edits.Aggregate(text, (t, edit) => edit(t));
        });
    }
}
