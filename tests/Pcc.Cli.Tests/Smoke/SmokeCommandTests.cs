using System.Net;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;
using Pcc.Catalogue.Digests;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;
using Pcc.Testing.App;

namespace Pcc.Cli.Tests.Smoke;

/// <summary>
/// <c>pcc smoke</c> against the app on the local host: it passes and leaves nothing behind, and it fails with a message
/// that names the blob trigger when the app never sees its upload.
/// </summary>
[Collection(SmokeCollection.Name)]
public sealed class SmokeCommandTests(AppFixture app, ITestOutputHelper log)
{
    [Fact]
    public async Task ACheckOfTheRunningAppPassesAndLeavesNothingBehind()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        StorageSettings.Overrides = HostSettings();

        var run = Pcc.Run("smoke", "--url", app.Host.FrontDoorAddress.ToString(), "--key", app.Host.AdminKey, "--timeout", "120", "--connection", app.Azurite.ConnectionString);

        log.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("The deployment check passed", run.Output, StringComparison.Ordinal);
        foreach (var step in new[] { "ingested", "the API has the case study", "its page shows it", "the feed lists it", "search finds it", "removed", "gone" })
        {
            Assert.Contains(step, run.Output, StringComparison.Ordinal);
        }

        // Nothing of it stays: no briefing, no blob, no change record, no case study, no report.
        var marker = System.Text.RegularExpressions.Regex.Match(run.Output, "pccsmoke[a-z]{10}").Value;
        var slug = $"deployment-check-{marker}";
        using var briefing = await app.Http.GetAsync($"api/briefings/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, briefing.StatusCode);
        Assert.False((await app.Briefings.GetBlobClient(slug + ".md").ExistsAsync()).Value);
        var changes = await app.GetJsonAsync($"api/changes?since={Uri.EscapeDataString(since.ToString("O"))}&limit=1000");
        Assert.DoesNotContain(changes.EnumerateArray(), c => c.GetProperty("briefing").GetString() == slug);
        var catalogue = await app.GetJsonAsync("api/case-studies");
        Assert.DoesNotContain(marker, catalogue.GetRawText(), StringComparison.Ordinal);
        var reports = app.GetRequiredService<PccStore>().Reports;
        await foreach (var report in reports.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, slug + "/", default))
        {
            Assert.Fail($"report {report.Name} was left behind");
        }
    }

    [Fact]
    public async Task WhenTheAppNeverSeesTheUploadTheCheckFailsNamingTheBlobTriggerAndRemovesItsBlob()
    {
        // The check uploads to a container the app's blob trigger does not watch: as when the Event Grid subscription is missing.
        var settings = HostSettings();
        var unwatched = "unwatched-" + app.Id;
        settings["Storage:BriefingsContainer"] = unwatched;
        await app.Host.Storage.GetBlobContainerClient(unwatched).CreateIfNotExistsAsync();
        StorageSettings.Overrides = settings;

        var run = Pcc.Run("smoke", "--url", app.Host.FrontDoorAddress.ToString(), "--key", app.Host.AdminKey, "--timeout", "8", "--connection", app.Azurite.ConnectionString);

        Assert.Equal(ExitCodes.CheckFailed, run.ExitCode);
        Assert.Contains("the app did not pick up the upload", run.Error, StringComparison.Ordinal);
        Assert.Contains("IngestBriefing blob trigger", run.Error, StringComparison.Ordinal);
        Assert.Contains("The deployment check FAILED", run.Output, StringComparison.Ordinal);
        var left = new List<string>();
        await foreach (var blob in app.Host.Storage.GetBlobContainerClient(unwatched).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, default))
        {
            left.Add(blob.Name);
        }

        Assert.Empty(left);
    }

    [Fact]
    public void WithoutAFunctionKeyTheCheckUploadsNothing()
    {
        var run = Pcc.Run("smoke", "--url", "http://127.0.0.1:9/");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeploymentChecksChangesAreShownButNeverReachADigest()
    {
        var name = AppFixture.UniqueBriefingName();
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1, new Dictionary<string, string> { ["deploymentcheck"] = "true" });
        var to = DateTimeOffset.UtcNow.AddSeconds(1);

        var shown = await app.GetJsonAsync($"api/changes?since={Uri.EscapeDataString(from.ToString("O"))}&limit=1000");
        Assert.Contains(shown.EnumerateArray(), c => c.GetProperty("briefing").GetString() == AppFixture.SlugOf(name));
        var sent = new List<DigestChange>();
        await foreach (var change in app.GetRequiredService<CatalogueDigestSource>().ReadChangesAsync(from, to))
        {
            sent.Add(change);
        }

        Assert.DoesNotContain(sent, c => c.Briefing == AppFixture.SlugOf(name));
    }

    private Dictionary<string, string?> HostSettings() =>
        app.Host.Configuration.AsEnumerable().Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value);
}
