using System.Net;
using System.Text;
using System.Text.Json;
using Pcc.Functions.Data;
using Pcc.Functions.Ingestion;
using Pcc.Testing;

namespace Pcc.Functions.Tests;

public sealed class IngestBriefingTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Slug = "001-88da988782738298";

    [Fact]
    public async Task IngestingTheSeedBriefingListsTwentyCaseStudiesInSevenThemes()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

        var result = await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);

        Assert.Equal("ingested", result.Status);
        Assert.Contains("20 case studies in 7 themes", result.Message);
        var caseStudies = await app.GetJsonAsync("api/case-studies");
        Assert.Equal(20, caseStudies.GetArrayLength());
        Assert.Equal(7, caseStudies.EnumerateArray().Select(c => c.GetProperty("themeSlug").GetString()).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20), caseStudies.EnumerateArray().Select(c => c.GetProperty("number").GetInt32()).Order());

        var briefing = await app.GetJsonAsync($"api/briefings/{Slug}");
        var version = Assert.Single(briefing.GetProperty("versions").EnumerateArray());
        Assert.Equal(1, version.GetProperty("version").GetInt32());
        Assert.Equal(20, version.GetProperty("new").GetInt32());
        Assert.Equal("text", version.GetProperty("format").GetString());
        Assert.Equal(20, (await app.GetJsonAsync("api/changes?since=2000-01-01T00:00:00Z")).GetArrayLength());
        // The seed's footnote marks (”, ®, * glued to sentence ends) are gone from the text and counted in the report.
        Assert.DoesNotContain(caseStudies.EnumerateArray(), c => c.GetProperty("text").GetString()!.Contains('\u201D'));
        var report = version.GetProperty("report").GetString()!;
        Assert.Equal(35, (await app.GetJsonAsync("api/reports/" + report)).GetProperty("footnoteMarksRemoved").GetInt32());
        Assert.Contains("35 footnote marks were removed from the text.", await app.Http.GetStringAsync("api/reports/" + report.Replace(".json", ".txt")));
    }

    [Fact]
    public async Task ARedeliveredTriggerWritesNothingNew()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAsync(Seeds.BriefingName, Seeds.Briefing);
        using var first = await app.InvokeIngestAsync(Seeds.BriefingName, Seeds.Briefing);

        using var again = await app.InvokeIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        var outcome = await app.IngestAsync(Seeds.BriefingName);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", outcome.Status);
        Assert.Contains("already ingested", outcome.Message);
        Assert.Equal(20, (await app.GetJsonAsync("api/changes?since=2000-01-01T00:00:00Z")).GetArrayLength());
        Assert.Single((await app.GetJsonAsync($"api/briefings/{Slug}")).GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task ReuploadingTheSameBytesRecordsAVersionWithNoChanges()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);

        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);

        var versions = (await app.GetJsonAsync($"api/briefings/{Slug}")).GetProperty("versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var latest = versions[0];
        Assert.Equal((0, 0, 0, 20), (latest.GetProperty("new").GetInt32(), latest.GetProperty("changed").GetInt32(), latest.GetProperty("removed").GetInt32(), latest.GetProperty("unchanged").GetInt32()));
        Assert.Equal(20, (await app.GetJsonAsync("api/changes?since=2000-01-01T00:00:00Z")).GetArrayLength());
    }

    [Fact]
    public async Task ALaterVersionRecordsExactlyItsNewChangedAndRemovedCaseStudies()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        var afterFirst = DateTimeOffset.UtcNow;

        await app.UploadAndIngestAsync(Seeds.BriefingName, LaterVersion.Bytes);

        var changes = (await app.GetJsonAsync($"api/changes?since={Uri.EscapeDataString(afterFirst.ToString("O"))}")).EnumerateArray().ToList();
        var byKind = changes.ToLookup(c => c.GetProperty("kind").GetString());
        var added = Assert.Single(byKind["new"]);
        Assert.Contains("community hub in Plymouth", added.GetProperty("text").GetString());
        Assert.Equal(3, added.GetProperty("number").GetInt32());
        var changed = Assert.Single(byKind["changed"]);
        Assert.Contains("Scottish Violence Reduction Unit", changed.GetProperty("text").GetString());
        Assert.Contains("39", changed.GetProperty("diff").GetString());
        Assert.Contains("41", changed.GetProperty("diff").GetString());
        var removed = Assert.Single(byKind["removed"]);
        Assert.Contains("Cleveland", removed.GetProperty("text").GetString());
        Assert.Equal(3, changes.Count);

        var caseStudies = await app.GetJsonAsync("api/case-studies");
        Assert.Equal(20, caseStudies.GetArrayLength());
        Assert.DoesNotContain(caseStudies.EnumerateArray(), c => c.GetProperty("key").GetString() == removed.GetProperty("key").GetString());
        var history = await app.GetJsonAsync($"api/case-studies/{changed.GetProperty("key").GetString()}");
        Assert.Equal(["changed", "new"], history.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("garbage.pdf", "%PDF-1.7\n\u0001\u0002 this is not really a pdf \u00ff")]
    [InlineData("binary.docx", "PK\u0003\u0004\u0000\u0000garbage")]
    public async Task AnUnreadableVersionIsReportedAndThePreviousVersionStaysCurrent(string name, string content)
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        var stem = Path.GetFileNameWithoutExtension(name);
        await app.UploadAndIngestAsync(stem + ".txt", Seeds.Briefing);

        var result = await app.UploadAndIngestAsync(name, Encoding.Latin1.GetBytes(content));

        Assert.Equal("failed", result.Status);
        Assert.Contains("could not be read", result.Message);
        var briefing = await app.GetJsonAsync($"api/briefings/{stem}");
        Assert.Equal(1, briefing.GetProperty("currentVersion").GetInt32());
        var failure = Assert.Single(briefing.GetProperty("failures").EnumerateArray());
        Assert.Contains(name, failure.GetProperty("error").GetString() + failure.GetProperty("report").GetString(), StringComparison.Ordinal);
        var report = await app.Http.GetStringAsync("api/reports/" + failure.GetProperty("report").GetString()!.Replace(".json", ".txt"));
        Assert.Contains("FAILED", report);
        Assert.Contains("Version 1 stays current", report);
        Assert.Equal(20, (await app.GetJsonAsync("api/case-studies")).GetArrayLength());
    }

    [Fact]
    public async Task AnIngestWhileStorageIsUnavailableFailsTheInvocationSoTheHostRetries()
    {
        var closed = FreePort.Next();
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;";
        await using var app = await FunctionApp.StartAsync(fixture.Azurite, unreachable);

        using var response = await app.InvokeIngestAsync(Seeds.BriefingName, Seeds.Briefing);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("")).StatusCode);
    }

    [Fact]
    public async Task ACaseStudyInTwoBriefingsIngestedAtOnceIsOneCatalogueEntryListingBoth()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAsync(Seeds.WriteUpName, Seeds.WriteUp);
        await app.UploadAsync(Seeds.BriefingName, Seeds.Briefing);

        var replies = await Task.WhenAll(app.InvokeIngestAsync(Seeds.WriteUpName, Seeds.WriteUp), app.InvokeIngestAsync(Seeds.BriefingName, Seeds.Briefing));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var caseStudies = (await app.GetJsonAsync("api/case-studies")).EnumerateArray().ToList();
        Assert.Equal(20, caseStudies.Count);
        var warwickshire = Assert.Single(caseStudies, c => c.GetProperty("text").GetString()!.Contains("Benn Partnership", StringComparison.Ordinal));
        Assert.Equal(["000-175f4da499abf29a", Slug], warwickshire.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task ARetryOfAnIngestThatStoppedBeforeItsPlanTakesAFreshTimestamp()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        var etag = IngestionPaths.Sanitise(await app.UploadAsync(Seeds.BriefingName, Seeds.Briefing));
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2);
        var store = app.GetRequiredService<PccStore>();
        await store.EnsureCreatedAsync();
        await store.Ingestions.AddEntityAsync(new IngestionEntity
        {
            PartitionKey = Slug, RowKey = etag, BlobName = Seeds.BriefingName, Version = 1,
            IngestedAt = twoDaysAgo, Report = IngestionPaths.Report(Slug, twoDaysAgo, etag),
        });

        using var response = await app.InvokeIngestAsync(Seeds.BriefingName, Seeds.Briefing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recent = await app.GetJsonAsync($"api/changes?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}");
        Assert.Equal(20, recent.GetArrayLength());
    }

    [Fact]
    public async Task ADigestWindowIsNotReadWhileAnIngestThatStartedInItIsStillRunning()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite, settings: new Dictionary<string, string?> { ["Digests:WaitForIngests"] = "00:00:01" });
        var store = app.GetRequiredService<PccStore>();
        await store.EnsureCreatedAsync();
        var running = new IngestionEntity
        {
            PartitionKey = "in-progress", RowKey = "0x1", BlobName = "in-progress.txt", Version = 1,
            IngestedAt = DateTimeOffset.UtcNow.AddMinutes(-1), Report = "in-progress/report.json",
        };
        await store.Ingestions.AddEntityAsync(running);
        var source = app.GetRequiredService<Pcc.Functions.Digests.CatalogueDigestSource>();
        var now = DateTimeOffset.UtcNow;

        var waiting = await Assert.ThrowsAsync<InvalidOperationException>(async () => await source.ReadChangesAsync(now.AddHours(-1), now).ToListAsync());
        Assert.Contains("still running", waiting.Message);

        running.Status = IngestionEntity.Completed;
        await store.Ingestions.UpsertEntityAsync(running, Azure.Data.Tables.TableUpdateMode.Replace);
        Assert.Empty(await source.ReadChangesAsync(now.AddHours(-1), now).ToListAsync());
    }
}
