using System.Net;
using System.Text;
using System.Text.Json;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Ingestion;

public sealed class HeldForReviewTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Slug = "001-88da988782738298";
    private static readonly byte[] NoCaseStudies = Encoding.UTF8.GetBytes("Minutes of the estates committee\n\nThe car park will be resurfaced in the spring. No other business.\n");

    [Fact]
    public async Task AVersionWithNoCaseStudiesIsHeldForReviewAndNothingIsRemoved()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        var afterFirst = DateTimeOffset.UtcNow;

        var result = await app.UploadAndIngestAsync(Seeds.BriefingName, NoCaseStudies);

        Assert.Equal("held", result.Status);
        var briefing = await app.GetJsonAsync($"api/briefings/{Slug}");
        Assert.Equal(1, briefing.GetProperty("currentVersion").GetInt32());
        var held = Assert.Single(briefing.GetProperty("held").EnumerateArray());
        Assert.Equal(2, held.GetProperty("version").GetInt32());
        Assert.StartsWith("HELD FOR REVIEW: this version has no case studies of version 1", held.GetProperty("warning").GetString());
        Assert.False(held.GetProperty("superseded").GetBoolean());
        var report = await app.Http.GetStringAsync("api/reports/" + held.GetProperty("report").GetString()!.Replace(".json", ".txt"));
        Assert.Contains("HELD FOR REVIEW", report);
        Assert.Equal(20, (await app.GetJsonAsync("api/case-studies")).GetArrayLength());
        Assert.Equal(0, (await app.GetJsonAsync($"api/changes?since={Uri.EscapeDataString(afterFirst.ToString("O"))}")).GetArrayLength());
    }

    [Fact]
    public async Task AVersionThatRemovesMoreThanHalfOfTheCaseStudiesIsHeld()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        var firstSeven = string.Join('\n', Seeds.BriefingText.Split('\n').Take(140));

        var result = await app.UploadAndIngestAsync(Seeds.BriefingName, Encoding.UTF8.GetBytes(firstSeven));

        Assert.Equal("held", result.Status);
        var held = Assert.Single((await app.GetJsonAsync($"api/briefings/{Slug}")).GetProperty("held").EnumerateArray());
        Assert.Contains("removes 13 of the 20 case studies", held.GetProperty("warning").GetString());
        Assert.Equal(20, (await app.GetJsonAsync("api/case-studies")).GetArrayLength());
    }

    [Fact]
    public async Task ConfirmingAHeldVersionPublishesItOnceWithItsChangesStampedAtConfirmation()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        await app.UploadAndIngestAsync(Seeds.BriefingName, NoCaseStudies);
        var beforeConfirm = DateTimeOffset.UtcNow;

        using var confirmed = await app.Http.PostAsync($"api/briefings/{Slug}/versions/2/confirm", null);
        using var again = await app.Http.PostAsync($"api/briefings/{Slug}/versions/2/confirm", null);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("confirmed", (await ReadJsonAsync(confirmed)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("already-current", (await ReadJsonAsync(again)).GetProperty("status").GetString());
        var briefing = await app.GetJsonAsync($"api/briefings/{Slug}");
        Assert.Equal(2, briefing.GetProperty("currentVersion").GetInt32());
        Assert.Empty(briefing.GetProperty("held").EnumerateArray());
        Assert.Equal(0, (await app.GetJsonAsync("api/case-studies")).GetArrayLength());
        var removals = (await app.GetJsonAsync($"api/changes?since={Uri.EscapeDataString(beforeConfirm.ToString("O"))}")).EnumerateArray().ToList();
        Assert.Equal(20, removals.Count);
        Assert.All(removals, r => Assert.Equal("removed", r.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task UploadingAnotherVersionSupersedesTheHeldOne()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        await app.UploadAndIngestAsync(Seeds.BriefingName, NoCaseStudies);

        var later = await app.UploadAndIngestAsync(Seeds.BriefingName, LaterVersion.Bytes);
        using var confirm = await app.Http.PostAsync($"api/briefings/{Slug}/versions/2/confirm", null);

        Assert.Equal("ingested", later.Status);
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        var briefing = await app.GetJsonAsync($"api/briefings/{Slug}");
        Assert.Equal(2, briefing.GetProperty("currentVersion").GetInt32());
        Assert.True(Assert.Single(briefing.GetProperty("held").EnumerateArray()).GetProperty("superseded").GetBoolean());
        Assert.Equal(20, (await app.GetJsonAsync("api/case-studies")).GetArrayLength());
    }

    [Fact]
    public async Task ANewBriefingWithNoCaseStudiesIsRecordedAsFailedWithAReason()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

        var result = await app.UploadAndIngestAsync("estates-minutes.txt", NoCaseStudies);

        Assert.Equal("failed", result.Status);
        Assert.Empty((await app.GetJsonAsync("api/briefings")).EnumerateArray());
        var failure = Assert.Single((await app.GetJsonAsync("api/briefings/estates-minutes")).GetProperty("failures").EnumerateArray());
        Assert.Contains("No case studies were found in the document", failure.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ConfirmingAVersionThatWasNeverHeldAnswersNotFound()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);

        using var missing = await app.Http.PostAsync($"api/briefings/{Slug}/versions/7/confirm", null);
        using var malformed = await app.Http.PostAsync($"api/briefings/{Slug}/versions/99999999999/confirm", null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(1, (await app.GetJsonAsync($"api/briefings/{Slug}")).GetProperty("currentVersion").GetInt32());
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
