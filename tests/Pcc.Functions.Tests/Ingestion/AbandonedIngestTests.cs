using Microsoft.Extensions.DependencyInjection;
using Pcc.Functions.Data;
using Pcc.Functions.Digests;
using Pcc.Functions.Ingestion;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Ingestion;

public sealed class AbandonedIngestTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Dictionary<string, string?> s_shortWait = new() { ["Digests:WaitForIngests"] = "00:00:01" };

    [Fact]
    public async Task ADeadIngestWithoutAPlanStopsHoldingUpDigestWindowsOnceAbandoned()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await FunctionApp.StartAsync(fixture.Azurite, settings: s_shortWait, services: s => s.AddSingleton<TimeProvider>(time));
        var store = app.GetRequiredService<PccStore>();
        await store.EnsureCreatedAsync();
        var started = time.GetUtcNow().AddMinutes(-1);
        // An ingest of a blob since deleted, whose process died after reserving its version: nothing will ever finish it.
        await store.Ingestions.AddEntityAsync(new IngestionEntity
        {
            PartitionKey = "deleted", RowKey = "0x8DD1", BlobName = "deleted.txt", Version = 1, IngestedAt = started,
            Attempts = 1, AttemptStartedAt = started, Report = IngestionPaths.Report("deleted", started, "0x8DD1"),
        });
        var source = app.GetRequiredService<CatalogueDigestSource>();
        var to = time.GetUtcNow();

        var waiting = await Assert.ThrowsAsync<InvalidOperationException>(async () => await source.ReadChangesAsync(to.AddHours(-1), to).ToListAsync());
        time.Advance(TimeSpan.FromMinutes(10));
        var changes = await source.ReadChangesAsync(to.AddHours(-1), to).ToListAsync();

        Assert.Contains("waits for the ingest of deleted.txt", waiting.Message);
        Assert.Contains("counts as abandoned at", waiting.Message);
        Assert.Empty(changes);
        var failure = Assert.Single((await app.GetJsonAsync("api/briefings/deleted")).GetProperty("failures").EnumerateArray());
        Assert.Contains("The ingest was abandoned", failure.GetProperty("error").GetString());
        Assert.Contains("before it wrote anything", failure.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AnAbandonedIngestWhosePlanWasWrittenIsCompletedBeforeItsWindowIsRead()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await FunctionApp.StartAsync(fixture.Azurite, settings: s_shortWait, services: s => s.AddSingleton<TimeProvider>(time));
        var store = app.GetRequiredService<PccStore>();
        await store.EnsureCreatedAsync();
        var etag = IngestionPaths.Sanitise(await app.UploadAsync(Seeds.BriefingName, Seeds.Briefing));
        const string slug = "001-88da988782738298";
        var at = time.GetUtcNow();
        var receipt = new IngestionEntity
        {
            PartitionKey = slug, RowKey = etag, BlobName = Seeds.BriefingName, Version = 1, IngestedAt = at,
            Attempts = 1, AttemptStartedAt = at, Report = IngestionPaths.Report(slug, at, etag),
        };
        await store.Ingestions.AddEntityAsync(receipt);
        // The attempt planned and wrote its report, then its process died before applying it.
        var plan = app.GetRequiredService<IngestionPlanner>().Plan(
            new IngestionTarget(Seeds.BriefingName, slug, etag, 1, at), Seeds.Briefing, [], new Dictionary<string, string>(), null, CancellationToken.None);
        await app.GetRequiredService<IngestionReports>().SaveAsync(receipt.Report, plan, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(11));

        var changes = await app.GetRequiredService<CatalogueDigestSource>().ReadChangesAsync(at.AddMinutes(-5), at.AddMinutes(5)).ToListAsync();

        Assert.Equal(20, changes.Count);
        Assert.Equal(1, (await app.GetJsonAsync($"api/briefings/{slug}")).GetProperty("currentVersion").GetInt32());
        Assert.Equal(20, (await app.GetJsonAsync("api/case-studies")).GetArrayLength());
        Assert.Equal(IngestionEntity.Completed, (await store.Ingestions.GetEntityAsync<IngestionEntity>(slug, etag)).Value.Status);
    }

    [Fact]
    public async Task AnAbandonedHalfAppliedIngestOvertakenByANewerVersionIsRolledBack()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await FunctionApp.StartAsync(fixture.Azurite, settings: s_shortWait, services: s => s.AddSingleton<TimeProvider>(time));
        var store = app.GetRequiredService<PccStore>();
        const string slug = "001-88da988782738298";
        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        var etag = IngestionPaths.Sanitise(await app.UploadAsync(Seeds.BriefingName, LaterVersion.Bytes));
        var at = time.GetUtcNow().AddMinutes(-30);
        var receipt = new IngestionEntity
        {
            PartitionKey = slug, RowKey = etag, BlobName = Seeds.BriefingName, Version = 2, BaseVersion = 1, IngestedAt = at,
            Attempts = 1, AttemptStartedAt = at, Report = IngestionPaths.Report(slug, at, etag),
        };
        await store.Ingestions.AddEntityAsync(receipt);
        // The attempt wrote its plan and its first change rows, then died; meanwhile another upload became version 2.
        var plan = app.GetRequiredService<IngestionPlanner>().Plan(
            new IngestionTarget(Seeds.BriefingName, slug, etag, 2, at), LaterVersion.Bytes, [], new Dictionary<string, string>(), 1, CancellationToken.None);
        await app.GetRequiredService<IngestionReports>().SaveAsync(receipt.Report, plan, CancellationToken.None);
        foreach (var written in plan.New.Take(3))
        {
            await store.Changes.UpsertEntityAsync(new ChangeEntity
            {
                PartitionKey = ChangeEntity.PartitionFor(at), RowKey = ChangeEntity.RowKeyFor(at, slug, written.Key),
                Kind = "new", Key = written.Key, Briefing = slug, Version = 2, IngestedAt = at, Title = written.Title, Text = written.Text,
                ThemeSlug = written.ThemeSlug, Theme = written.Theme,
            });
        }

        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        time.Advance(TimeSpan.FromMinutes(11));

        var changes = await app.GetRequiredService<CatalogueDigestSource>().ReadChangesAsync(at.AddMinutes(-1), at.AddMinutes(1)).ToListAsync();

        Assert.Empty(changes);
        var settled = (await store.Ingestions.GetEntityAsync<IngestionEntity>(slug, etag)).Value;
        Assert.Equal(IngestionEntity.Abandoned, settled.Status);
        Assert.Contains("version 2 was published meanwhile, so the changes it had written were rolled back", settled.Error);
        Assert.Equal(2, (await app.GetJsonAsync($"api/briefings/{slug}")).GetProperty("currentVersion").GetInt32());
    }
}
