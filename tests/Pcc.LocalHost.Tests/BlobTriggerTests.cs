using System.Text.Json;
using Azure;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

public sealed class BlobTriggerTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnUploadedBriefingBecomesQueryableThroughTheFrontDoor()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);

        await test.UploadAsync(test.Briefings, SeedBriefing.Name, SeedBriefing.Bytes);

        var caseStudies = await Eventually.Async(() => test.GetJsonAsync("api/case-studies"), c => c.GetArrayLength() == 20, "20 case studies");
        var themes = caseStudies.EnumerateArray().Select(c => c.GetProperty("themeSlug").GetString()).Distinct().Count();
        Assert.Equal(7, themes);
    }

    [Fact]
    public async Task WhileUploadsArriveTheContainerIsListedFasterThanWhenIdle()
    {
        // Idle, the container would next be listed in ten minutes: only the busy scans can pick up version 2.
        await using var test = await TestHost.StartAsync(fixture.Azurite, options =>
        {
            options.ScanInterval = TimeSpan.FromMinutes(10);
            options.BusyScanInterval = TimeSpan.FromMilliseconds(100);
            options.BusyWindow = TimeSpan.FromMinutes(5);

            // Version 1 is waiting when the host starts, so its first scan finds it and the host turns busy.
            var briefings = new Azure.Storage.Blobs.BlobContainerClient(fixture.Azurite.ConnectionString, options.Settings["Storage:BriefingsContainer"], Pcc.Platform.Storage.StorageConnection.BlobOptions());
            briefings.CreateIfNotExists();
            briefings.GetBlobClient(SeedBriefing.Name).Upload(new BinaryData(SeedBriefing.Bytes));
        });
        await Eventually.Async(() => CurrentVersionAsync(test), v => v == 1, "version 1, found by the first scan");

        await test.UploadAsync(test.Briefings, SeedBriefing.Name, SeedBriefing.LaterVersion);

        await Eventually.Async(() => CurrentVersionAsync(test), v => v == 2, "version 2, found by a busy scan");
    }

    [Fact]
    public async Task UploadingTheSameBytesAgainMakesASecondVersionWithNoNewChangesAndAReceiptPerETag()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);
        var first = await test.UploadAsync(test.Briefings, SeedBriefing.Name, SeedBriefing.Bytes);
        await Eventually.Async(() => CurrentVersionAsync(test), v => v == 1, "version 1");

        var second = await test.UploadAsync(test.Briefings, SeedBriefing.Name, SeedBriefing.Bytes);
        await Eventually.Async(() => CurrentVersionAsync(test), v => v == 2, "version 2");

        Assert.NotEqual(first, second);
        var changes = await test.GetJsonAsync("api/changes?since=2000-01-01T00:00:00Z");
        Assert.Equal(20, changes.GetArrayLength());
        foreach (var etag in new[] { first, second })
        {
            var receipt = test.Host.Receipts.NameFor("Host.Functions.IngestBriefing", test.Briefings.Name, SeedBriefing.Name, new ETag(etag));
            Assert.StartsWith($"blobreceipts/{test.Host.Options.HostId}/Host.Functions.IngestBriefing/\"0x", receipt);
            // Written after the invocation returns, so after the version shows: waited for.
            await Eventually.Async(() => test.Host.Receipts.ExistsAsync("Host.Functions.IngestBriefing", test.Briefings.Name, SeedBriefing.Name, new ETag(etag), default), e => e, receipt);
            var blob = test.Host.Storage.GetBlobContainerClient(BlobReceipts.ContainerName).GetBlobClient(receipt);
            Assert.True((await blob.ExistsAsync()).Value);
        }
    }

    [Fact]
    public async Task UploadingABriefingThenALaterVersionShowsEachVersionsCountsThroughTheApi()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);
        var first = await test.UploadAsync(test.Briefings, SeedBriefing.Name, SeedBriefing.Bytes);
        await Eventually.Async(() => CurrentVersionAsync(test), v => v == 1, "version 1");
        // The first version's invocation is over (its receipt is written) before the later version is uploaded.
        await IngestedAsync(test, first, "the receipt of version 1");

        var second = await test.UploadAsync(test.Briefings, SeedBriefing.Name, SeedBriefing.LaterVersion);
        await Eventually.Async(() => CurrentVersionAsync(test), v => v == 2, "version 2");
        await IngestedAsync(test, second, "the receipt of version 2");

        var slug = (await Eventually.Async(() => test.GetJsonAsync("api/briefings"), b => b.GetArrayLength() > 0, "the briefing"))
            .EnumerateArray().Single().GetProperty("slug").GetString();
        var versions = (await Eventually.Async(() => test.GetJsonAsync($"api/briefings/{slug}"), b => b.TryGetProperty("versions", out _), "the briefing's versions"))
            .GetProperty("versions").EnumerateArray()
            .ToDictionary(v => v.GetProperty("version").GetInt32(), v => (
                CaseStudies: v.GetProperty("caseStudies").GetInt32(), New: v.GetProperty("new").GetInt32(),
                Changed: v.GetProperty("changed").GetInt32(), Removed: v.GetProperty("removed").GetInt32()));
        Assert.Equal((20, 20, 0, 0), versions[1]);
        Assert.Equal((20, 1, 1, 1), versions[2]);
    }

    private static Task IngestedAsync(TestHost test, string etag, string what) => Eventually.Async(
        () => test.Host.Receipts.ExistsAsync("Host.Functions.IngestBriefing", test.Briefings.Name, SeedBriefing.Name, new ETag(etag), default),
        written => written, what);

    private static async Task<int> CurrentVersionAsync(TestHost test)
    {
        var briefings = await test.GetJsonAsync("api/briefings");
        return briefings.EnumerateArray().Select(b => b.GetProperty("currentVersion").GetInt32()).FirstOrDefault();
    }
}
