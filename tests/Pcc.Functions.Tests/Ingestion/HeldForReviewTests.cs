using Pcc.Catalogue.Ingestion;
using System.Net;
using System.Text;
using System.Text.Json;
using Pcc.Catalogue.Storage;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>
/// Versions held for review, through the worker. The confirm route is function-level: the fixture's client sends the
/// local host's key, as an editor's tool sends a function key in Azure.
/// </summary>
[Collection(IngestionCollection.Name)]
public sealed class HeldForReviewTests(AppFixture app)
{
    private static readonly byte[] NoCaseStudies = Encoding.UTF8.GetBytes("Minutes of the estates committee\n\nThe car park will be resurfaced in the spring. No other business.\n");

    [Fact]
    public async Task AVersionWithNoCaseStudiesIsHeldForReviewAndNothingIsRemoved()
    {
        var (name, slug) = NewBriefing();
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var afterFirst = DateTimeOffset.UtcNow;

        var outcome = await app.UploadAndSettleAsync(name, NoCaseStudies);

        Assert.Equal(IngestStatus.Held, outcome.Status);
        var briefing = await app.BriefingAsync(slug);
        Assert.Equal(1, briefing.GetProperty("currentVersion").GetInt32());
        var held = Assert.Single(briefing.GetProperty("held").EnumerateArray());
        Assert.Equal(2, held.GetProperty("version").GetInt32());
        Assert.StartsWith("HELD FOR REVIEW: this version has no case studies of version 1", held.GetProperty("warning").GetString());
        Assert.False(held.GetProperty("superseded").GetBoolean());
        Assert.Contains("HELD FOR REVIEW", await app.ReportTextAsync(held.GetProperty("report").GetString()!));
        Assert.Equal(20, (await app.CaseStudiesOfAsync(slug)).Count);
        Assert.Empty(await app.ChangesOfAsync(slug, afterFirst));
    }

    [Fact]
    public async Task AVersionThatRemovesMoreThanHalfOfTheCaseStudiesIsHeld()
    {
        var (name, slug) = NewBriefing();
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var firstSeven = string.Join('\n', SeedBriefing.Text.Split('\n').Take(140));

        var outcome = await app.UploadAndSettleAsync(name, Encoding.UTF8.GetBytes(firstSeven));

        Assert.Equal(IngestStatus.Held, outcome.Status);
        var held = Assert.Single((await app.BriefingAsync(slug)).GetProperty("held").EnumerateArray());
        Assert.Contains("removes 13 of the 20 case studies", held.GetProperty("warning").GetString());
        Assert.Equal(20, (await app.CaseStudiesOfAsync(slug)).Count);
    }

    [Fact]
    public async Task ConfirmingAHeldVersionPublishesItOnceWithItsChangesStampedAtConfirmation()
    {
        var (name, slug) = NewBriefing();
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        await app.UploadAndSettleAsync(name, NoCaseStudies);
        var beforeConfirm = DateTimeOffset.UtcNow;

        using var confirmed = await app.Http.PostAsync($"api/briefings/{slug}/versions/2/confirm", null);
        using var again = await app.Http.PostAsync($"api/briefings/{slug}/versions/2/confirm", null);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("confirmed", (await ReadJsonAsync(confirmed)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("already-current", (await ReadJsonAsync(again)).GetProperty("status").GetString());
        var briefing = await app.BriefingAsync(slug);
        Assert.Equal(2, briefing.GetProperty("currentVersion").GetInt32());
        Assert.Empty(briefing.GetProperty("held").EnumerateArray());
        Assert.Empty(await app.CaseStudiesOfAsync(slug));
        var removals = await app.ChangesOfAsync(slug, beforeConfirm);
        Assert.Equal(20, removals.Count);
        Assert.All(removals, r => Assert.Equal("removed", r.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task UploadingAnotherVersionSupersedesTheHeldOne()
    {
        var (name, slug) = NewBriefing();
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        await app.UploadAndSettleAsync(name, NoCaseStudies);

        var later = await app.UploadAndSettleAsync(name, SeedBriefing.LaterVersion);
        using var confirm = await app.Http.PostAsync($"api/briefings/{slug}/versions/2/confirm", null);

        Assert.Equal(IngestStatus.Completed, later.Status);
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        var briefing = await app.BriefingAsync(slug);
        Assert.Equal(2, briefing.GetProperty("currentVersion").GetInt32());
        Assert.True(Assert.Single(briefing.GetProperty("held").EnumerateArray()).GetProperty("superseded").GetBoolean());
        Assert.Equal(20, (await app.CaseStudiesOfAsync(slug)).Count);
    }

    [Fact]
    public async Task ANewBriefingWithNoCaseStudiesIsRecordedAsFailedWithAReason()
    {
        var (name, slug) = NewBriefing("estates-minutes.txt");

        var outcome = await app.UploadAndSettleAsync(name, NoCaseStudies);

        Assert.Equal(IngestStatus.Failed, outcome.Status);
        Assert.DoesNotContain((await app.GetJsonAsync("api/briefings")).EnumerateArray(), b => b.GetProperty("slug").GetString() == slug);
        var failure = Assert.Single((await app.BriefingAsync(slug)).GetProperty("failures").EnumerateArray());
        Assert.Contains("No case studies were found in the document", failure.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ConfirmingAVersionThatWasNeverHeldAnswersNotFound()
    {
        var (name, slug) = NewBriefing();
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);

        using var missing = await app.Http.PostAsync($"api/briefings/{slug}/versions/7/confirm", null);
        using var malformed = await app.Http.PostAsync($"api/briefings/{slug}/versions/99999999999/confirm", null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(1, (await app.BriefingAsync(slug)).GetProperty("currentVersion").GetInt32());
    }

    private static (string Name, string Slug) NewBriefing(string file = SeedBriefing.Name)
    {
        var name = AppFixture.UniqueBriefingName(file);
        return (name, AppFixture.SlugOf(name));
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
