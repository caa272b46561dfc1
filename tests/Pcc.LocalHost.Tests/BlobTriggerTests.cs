using System.Text.Json;
using Azure;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

public sealed class BlobTriggerTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnUploadedBriefingBecomesQueryableThroughTheFrontDoor()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);

        await test.UploadAsync(test.Briefings, Seeds.BriefingName, Seeds.Briefing);

        var caseStudies = await TestHost.EventuallyAsync(() => test.GetJsonAsync("api/case-studies"), c => c.GetArrayLength() == 20, "20 case studies");
        var themes = caseStudies.EnumerateArray().Select(c => c.GetProperty("themeSlug").GetString()).Distinct().Count();
        Assert.Equal(7, themes);
    }

    [Fact]
    public async Task UploadingTheSameBytesAgainMakesASecondVersionWithNoNewChangesAndAReceiptPerETag()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);
        var first = await test.UploadAsync(test.Briefings, Seeds.BriefingName, Seeds.Briefing);
        await TestHost.EventuallyAsync(() => CurrentVersionAsync(test), v => v == 1, "version 1");

        var second = await test.UploadAsync(test.Briefings, Seeds.BriefingName, Seeds.Briefing);
        await TestHost.EventuallyAsync(() => CurrentVersionAsync(test), v => v == 2, "version 2");

        Assert.NotEqual(first, second);
        var changes = await test.GetJsonAsync("api/changes?since=2000-01-01T00:00:00Z");
        Assert.Equal(20, changes.GetArrayLength());
        foreach (var etag in new[] { first, second })
        {
            var receipt = test.Host.Receipts.NameFor("Host.Functions.IngestBriefing", test.Briefings.Name, Seeds.BriefingName, new ETag(etag));
            Assert.StartsWith($"blobreceipts/{test.Host.Options.HostId}/Host.Functions.IngestBriefing/\"0x", receipt);
            Assert.True(await test.Host.Receipts.ExistsAsync("Host.Functions.IngestBriefing", test.Briefings.Name, Seeds.BriefingName, new ETag(etag), default), receipt);
            var blob = test.Host.Storage.GetBlobContainerClient(BlobReceipts.ContainerName).GetBlobClient(receipt);
            Assert.True((await blob.ExistsAsync()).Value);
        }
    }

    private static async Task<int> CurrentVersionAsync(TestHost test)
    {
        var briefings = await test.GetJsonAsync("api/briefings");
        return briefings.EnumerateArray().Select(b => b.GetProperty("currentVersion").GetInt32()).FirstOrDefault();
    }
}
