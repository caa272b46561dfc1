using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Digests;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>
/// Digest windows and the ingests still running in them. Service-level: an ingest counts as abandoned ten minutes after
/// its last attempt started, and only a fake clock gets there in a test.
/// </summary>
public sealed class AbandonedIngestTests
{
    private static readonly Dictionary<string, string?> s_shortWait = new() { ["Digests:WaitForIngests"] = "00:00:01" };

    [Fact]
    public async Task ADigestWindowIsNotReadWhileAnIngestThatStartedInItIsStillRunning()
    {
        await using var app = await HostlessApp.CreateAsync(settings: s_shortWait);
        var running = new IngestionEntity
        {
            PartitionKey = "in-progress", RowKey = "0x1", BlobName = "in-progress.txt", Version = 1,
            IngestedAt = DateTimeOffset.UtcNow.AddMinutes(-1), Report = "in-progress/report.json",
        };
        await app.Store.Ingestions.AddEntityAsync(running);
        var source = app.GetRequiredService<CatalogueDigestSource>();
        var now = DateTimeOffset.UtcNow;

        var waiting = await Assert.ThrowsAsync<InvalidOperationException>(async () => await source.ReadChangesAsync(now.AddHours(-1), now).ToListAsync());
        Assert.Contains("still running", waiting.Message);

        running.Status = IngestStatus.Completed;
        await app.Store.Ingestions.UpsertEntityAsync(running, Azure.Data.Tables.TableUpdateMode.Replace);
        Assert.Empty(await source.ReadChangesAsync(now.AddHours(-1), now).ToListAsync());
    }

    [Fact]
    public async Task ADeadIngestWithoutAPlanStopsHoldingUpDigestWindowsOnceAbandoned()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await HostlessApp.CreateAsync(time, s_shortWait);
        var started = time.GetUtcNow().AddMinutes(-1);
        // An ingest of a blob since deleted, whose process died after reserving its version: nothing will ever finish it.
        await app.Store.Ingestions.AddEntityAsync(new IngestionEntity
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
        var failure = Assert.Single((await app.BriefingAsync("deleted")).Failures!);
        Assert.Contains("The ingest was abandoned", failure.Error);
        Assert.Contains("before it wrote anything", failure.Error);
    }

    [Fact]
    public async Task AnAbandonedIngestWhosePlanWasWrittenIsCompletedBeforeItsWindowIsRead()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await HostlessApp.CreateAsync(time, s_shortWait);
        var etag = await app.UploadAsync(SeedBriefing.Name, SeedBriefing.Bytes);
        var slug = AppFixture.SlugOf(SeedBriefing.Name);
        var at = time.GetUtcNow();
        var receipt = new IngestionEntity
        {
            PartitionKey = slug, RowKey = etag, BlobName = SeedBriefing.Name, Version = 1, IngestedAt = at,
            Attempts = 1, AttemptStartedAt = at, Report = IngestionPaths.Report(slug, at, etag),
        };
        await app.Store.Ingestions.AddEntityAsync(receipt);
        // The attempt planned and wrote its report, then its process died before applying it.
        var plan = app.GetRequiredService<IngestionPlanner>().Plan(
            new IngestionTarget(SeedBriefing.Name, slug, etag, 1, at), SeedBriefing.Bytes, [], new Dictionary<string, string>(), null, CancellationToken.None);
        await app.GetRequiredService<IngestionReports>().SaveAsync(receipt.Report, plan, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(11));

        var changes = await app.GetRequiredService<CatalogueDigestSource>().ReadChangesAsync(at.AddMinutes(-5), at.AddMinutes(5)).ToListAsync();

        Assert.Equal(20, changes.Count);
        Assert.Equal(1, (await app.BriefingAsync(slug)).CurrentVersion);
        Assert.Equal(20, (await app.CaseStudiesAsync()).Count);
        Assert.Equal(IngestStatus.Completed, (await app.Store.Ingestions.GetEntityAsync<IngestionEntity>(slug, etag)).Value.Status);
    }

    [Fact]
    public async Task AnAbandonedHalfAppliedIngestOvertakenByANewerVersionIsRolledBack()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await HostlessApp.CreateAsync(time, s_shortWait);
        var slug = AppFixture.SlugOf(SeedBriefing.Name);
        await app.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);
        var etag = await app.UploadAsync(SeedBriefing.Name, SeedBriefing.LaterVersion);
        var at = time.GetUtcNow().AddMinutes(-30);
        var receipt = new IngestionEntity
        {
            PartitionKey = slug, RowKey = etag, BlobName = SeedBriefing.Name, Version = 2, BaseVersion = 1, IngestedAt = at,
            Attempts = 1, AttemptStartedAt = at, Report = IngestionPaths.Report(slug, at, etag),
        };
        await app.Store.Ingestions.AddEntityAsync(receipt);
        // The attempt wrote its plan and its first change rows, then died; meanwhile another upload became version 2.
        var plan = app.GetRequiredService<IngestionPlanner>().Plan(
            new IngestionTarget(SeedBriefing.Name, slug, etag, 2, at), SeedBriefing.LaterVersion, [], new Dictionary<string, string>(), 1, CancellationToken.None);
        await app.GetRequiredService<IngestionReports>().SaveAsync(receipt.Report, plan, CancellationToken.None);
        foreach (var written in plan.New.Take(3))
        {
            await app.Store.Changes.UpsertEntityAsync(new ChangeEntity
            {
                PartitionKey = ChangeEntity.PartitionFor(at), RowKey = ChangeEntity.RowKeyFor(at, slug, written.Key),
                Kind = "new", Key = written.Key, Briefing = slug, Version = 2, IngestedAt = at, Title = written.Title, Text = written.Text,
                ThemeSlug = written.ThemeSlug, Theme = written.Theme,
            });
        }

        await app.UploadAndIngestAsync(SeedBriefing.Name, SeedBriefing.Bytes);
        time.Advance(TimeSpan.FromMinutes(11));

        var changes = await app.GetRequiredService<CatalogueDigestSource>().ReadChangesAsync(at.AddMinutes(-1), at.AddMinutes(1)).ToListAsync();

        Assert.Empty(changes);
        var settled = (await app.Store.Ingestions.GetEntityAsync<IngestionEntity>(slug, etag)).Value;
        Assert.Equal(IngestStatus.Abandoned, settled.Status);
        Assert.Contains("version 2 was published meanwhile, so the changes it had written were rolled back", settled.Error);
        Assert.Equal(2, (await app.BriefingAsync(slug)).CurrentVersion);
    }
}
