using Azure;
using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>
/// How the app counts the worker's attempts at one blob version. The test holds the catalogue lock to stop an attempt
/// after it has counted itself; the worker gives up waiting after <see cref="ShortLockWaitApp.LockWait"/>, and the
/// host retries the invocation.
/// </summary>
public sealed class IngestAttemptTests(ShortLockWaitApp app) : IClassFixture<ShortLockWaitApp>
{
    [Fact]
    public async Task TheAttemptIsRecordedBeforeTheDocumentIsRead()
    {
        var (name, slug) = NewBriefing();
        IngestionEntity waiting;
        string etag;
        await using (await HoldCatalogueLockAsync())
        {
            etag = await app.UploadAsync(name, SeedBriefing.Bytes);
            waiting = (await app.WaitForReceiptAsync(slug, etag, r => r.Attempts == 1, "the attempt to be counted"))!;
        }

        Assert.Equal((IngestStatus.Pending, 0, 0), (waiting.Status, waiting.AttemptsEnded, waiting.Version));
        await app.WaitForVersionAsync(slug, 1);
        // The receipt ends after the version is published: waited for itself.
        var done = await app.WaitForReceiptAsync(slug, etag, r => r.Status != IngestStatus.Pending, "the attempt to end");
        Assert.Equal((IngestStatus.Completed, 1, 1, 1), (done!.Status, done.Attempts, done.AttemptsEnded, done.Version));
    }

    [Fact]
    public async Task AVersionWhoseAttemptsDiedFiveTimesIsGivenUpOnAndEveryFurtherInvocationFails()
    {
        var (name, slug) = NewBriefing();
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        string etag;
        await using (await HoldCatalogueLockAsync())
        {
            etag = await app.UploadAsync(name, SeedBriefing.LaterVersion);
            // What five attempts that killed their process leave behind, besides the one now waiting: counted, never ended.
            await SetAttemptsAsync(slug, etag, attempts: 6, ended: 0);
            await app.WaitForReceiptAsync(slug, etag, r => r.AttemptsEnded == 1, "the waiting attempt to give up", TimeSpan.FromSeconds(30));
        }

        // Every retry the host makes now fails at once, so the version goes to the poison queue.
        var poisoned = await Eventually.Async(() => app.Host.PoisonQueue.ListAsync(), m => m.Any(p => p.BlobName == name), $"{name} in the poison queue");
        Assert.Equal(IngestionPaths.Sanitise(etag), IngestionPaths.Sanitise(Assert.Single(poisoned, p => p.BlobName == name).ETag));
        var briefing = await app.BriefingAsync(slug);
        Assert.Equal(1, briefing.GetProperty("currentVersion").GetInt32());
        var failure = Assert.Single(briefing.GetProperty("failures").EnumerateArray());
        Assert.Contains("stopped its process 5 times before it finished", failure.GetProperty("error").GetString());
        Assert.Contains("Version 1 stays current", failure.GetProperty("error").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Http.GetAsync("api/reports/" + failure.GetProperty("report").GetString())).StatusCode);
        Assert.True((await app.ReceiptAsync(slug, etag))!.Exhausted);
    }

    [Fact]
    public async Task AttemptsThatEndedInAnErrorDoNotCountAsDeaths()
    {
        var (name, slug) = NewBriefing();
        string etag;
        await using (await HoldCatalogueLockAsync())
        {
            etag = await app.UploadAsync(name, SeedBriefing.Bytes);
            // Seven earlier attempts that ended in an error, besides the one now waiting.
            await SetAttemptsAsync(slug, etag, attempts: 8, ended: 7);
            await app.WaitForReceiptAsync(slug, etag, r => r.AttemptsEnded == 8, "the waiting attempt to give up", TimeSpan.FromSeconds(30));
        }

        // The host's retry sees eight attempts that all ended, and ingests.
        await app.WaitForVersionAsync(slug, 1);
        Assert.Equal(IngestStatus.Completed, (await app.WaitForReceiptAsync(slug, etag, r => r.Status != IngestStatus.Pending, "the attempt to end"))!.Status);
        Assert.DoesNotContain(await app.Host.PoisonQueue.ListAsync(), p => p.BlobName == name);
    }

    private static (string Name, string Slug) NewBriefing()
    {
        var name = AppFixture.UniqueBriefingName();
        return (name, AppFixture.SlugOf(name));
    }

    private async Task<IAsyncDisposable> HoldCatalogueLockAsync()
    {
        var store = app.GetRequiredService<PccStore>();
        await store.EnsureCreatedAsync();
        return await CatalogueLock.AcquireAsync(store, TimeSpan.FromSeconds(30), CancellationToken.None);
    }

    /// <summary>Once the worker's attempt has counted itself, rewrites the receipt's counts (re-reading if the worker wrote meanwhile).</summary>
    private async Task SetAttemptsAsync(string slug, string etag, int attempts, int ended)
    {
        var store = app.GetRequiredService<PccStore>();
        while (true)
        {
            var receipt = (await app.WaitForReceiptAsync(slug, etag, r => r.Attempts >= 1, "the attempt to be counted"))!;
            Assert.Equal(0, receipt.AttemptsEnded);
            receipt.Attempts = attempts;
            receipt.AttemptsEnded = ended;
            try
            {
                await store.Ingestions.UpdateEntityAsync(receipt, receipt.ETag);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
            }
        }
    }
}
