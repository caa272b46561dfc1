using System.Text.Json;
using Pcc.Cli;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

/// <summary>
/// The editors' and operators' commands against a running local host: one running the app for the class, its
/// briefings under names of their own; the poison replay of a blob trigger runs against the test worker.
/// </summary>
public sealed class CliTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task UploadWithWaitPrintsTheIngestReport()
    {
        var file = RepositoryRoot.Combine("seeds", SeedBriefing.Name);
        var name = AppFixture.UniqueBriefingName("public-safety.txt");

        var (exit, output, error) = await PccAsync(app.Host, "upload", file, "--name", name, "--wait", "--timeout", "60");

        Assert.True(exit == 0, error);
        Assert.Contains("Uploaded 001_88da988782738298.txt", output);
        Assert.Contains("20 case studies in 7 themes: 20 new, 0 changed, 0 removed, 0 unchanged", output);
        Assert.Contains(AppFixture.SlugOf(name), Slugs(await app.GetJsonAsync("api/briefings")));
    }

    [Fact]
    public async Task UploadWithWaitOfAnUnreadableDocumentExitsWithCode2AndSaysWhy()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, AppFixture.UniqueBriefingName("broken.pdf"));
        await File.WriteAllTextAsync(file, "%PDF-1.7 this is not a PDF");

        var (exit, output, _) = await PccAsync(app.Host, "upload", file, "--wait", "--timeout", "60");

        Assert.Equal(2, exit);
        Assert.Contains("FAILED", output);
        Assert.Contains("broken.pdf", output);
    }

    [Fact]
    public async Task PoisonListAndReplayRecoverABlobWhoseFunctionFailedFiveTimes()
    {
        await using var test = await TestHost.StartWorkerAsync(app.Azurite);
        await test.UploadAsync(test.Inbox, "stuck.txt", "fail until allowed"u8.ToArray());
        await Eventually.Async(() => test.Host.PoisonQueue.ListAsync(), m => m.Count > 0, "a poison message");

        var list = await PccAsync(test.Host, "poison", "list", "--host-id", test.Host.Options.HostId, "--queue", test.Host.Options.PoisonQueueName);
        await test.UploadAsync(test.Results, "allow-stuck.txt", []);
        var replay = await PccAsync(test.Host, "poison", "replay", "--all", "--host-id", test.Host.Options.HostId, "--queue", test.Host.Options.PoisonQueueName);

        Assert.Contains($"{test.Inbox.Name}/stuck.txt", list.Output);
        Assert.Contains("1 replayed.", replay.Output);
        await Eventually.Async(() => test.ResultAsync("copy-stuck.txt"), r => r == "stuck.txt|fail until allowed", "the replayed copy");
        await Eventually.Async(() => test.Host.PoisonQueue.ListAsync(), m => m.Count == 0, "an empty poison queue");
    }

    [Fact]
    public async Task ADigestBatchMessageThatFailedFiveTimesIsListedByPoisonAndReplayedOntoItsQueue()
    {
        var host = app.Host;
        var digests = host.Options.Settings["DigestBatchQueue"]!;
        var queue = host.Storage.CreateQueueServiceClient().GetQueueClient(digests);
        await queue.CreateIfNotExistsAsync();
        var outcomes = new List<Triggers.QueueTriggerOutcome>();
        Action<Triggers.QueueTriggerOutcome> record = o =>
        {
            lock (outcomes)
            {
                outcomes.Add(o);
            }
        };
        host.QueueProcessed += record;
        try
        {
            await queue.SendMessageAsync("{\"frequency\":\"daily\",\"start\":\"2026-11-22T07:30:00Z\",\"end\":\"2026-11-23T07:30:00Z\",\"batch\":\"nosuchplan-00000\"}");
            await Eventually.Async(() => Task.FromResult(Poisoned(outcomes, digests)), n => n == 1, "the batch message poisoned");

            var list = await PccAsync(host, "poison", "list", "--host-id", host.Options.HostId, "--queue", host.Options.PoisonQueueName, "--digest-queue", digests);
            var replay = await PccAsync(host, "poison", "replay", "--all", "--host-id", host.Options.HostId, "--queue", host.Options.PoisonQueueName, "--digest-queue", digests);

            Assert.Contains($"SendDigestBatch  {digests}-poison", list.Output);
            Assert.Contains("nosuchplan-00000", list.Output);
            Assert.Contains("1 replayed.", replay.Output);
            await Eventually.Async(() => Task.FromResult(Poisoned(outcomes, digests)), n => n == 2, "the replayed message delivered five more times");
            lock (outcomes)
            {
                Assert.Equal(10, outcomes.Count(o => o.Queue == digests));
            }
        }
        finally
        {
            host.QueueProcessed -= record;
        }
    }

    [Fact]
    public async Task AVersionThatWouldEmptyTheBriefingIsHeldUntilPccConfirmPublishesIt()
    {
        var name = AppFixture.UniqueBriefingName("public-safety.txt");
        var slug = AppFixture.SlugOf(name);
        var empty = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        await File.WriteAllTextAsync(empty, "Minutes of the estates committee\n\nThe car park will be resurfaced in the spring.\n");
        await PccAsync(app.Host, "upload", RepositoryRoot.Combine("seeds", SeedBriefing.Name), "--name", name, "--wait", "--timeout", "60");

        var held = await PccAsync(app.Host, "upload", empty, "--wait", "--timeout", "60");
        var confirm = await PccAsync(app.Host, "confirm", slug, "2");
        var again = await PccAsync(app.Host, "confirm", slug, "2");
        var missing = await PccAsync(app.Host, "confirm", slug, "9");

        Assert.Equal(3, held.Exit);
        Assert.Contains("HELD FOR REVIEW", held.Output);
        Assert.True(confirm.Exit == 0, confirm.Error);
        Assert.Contains("Confirmed by an editor", confirm.Output);
        Assert.Equal(0, again.Exit);
        Assert.Contains("already published", again.Output);
        Assert.Equal(5, missing.Exit);
        Assert.Equal(2, (await app.GetJsonAsync($"api/briefings/{slug}")).GetProperty("currentVersion").GetInt32());
        // Other briefings of the class may hold the same case studies; none is in the catalogue from this one any more.
        Assert.DoesNotContain(
            (await app.GetJsonAsync("api/case-studies")).EnumerateArray(),
            c => c.GetProperty("sources").EnumerateArray().Any(s => s.GetString() == slug));
    }

    [Fact]
    public async Task ReplayWithoutIdsOrAllIsAUsageError()
    {
        var (exit, _, error) = await PccAsync(app.Host, "poison", "replay", "--host-id", app.Host.Options.HostId);

        Assert.Equal(1, exit);
        Assert.Contains("--all", error);
    }

    private static int Poisoned(List<Triggers.QueueTriggerOutcome> outcomes, string queue)
    {
        lock (outcomes)
        {
            return outcomes.Count(o => o.Queue == queue && o.Poisoned);
        }
    }

    private static IEnumerable<string?> Slugs(JsonElement briefings) => briefings.EnumerateArray().Select(b => b.GetProperty("slug").GetString());

    private static Task<(int Exit, string Output, string Error)> PccAsync(LocalFunctionHost host, params string[] args) => Task.Run(() =>
    {
        StorageSettings.Overrides = new Dictionary<string, string?>(host.Options.Settings);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApplication.Run([.. args, "--connection", host.StorageConnectionString], output, error);
        return (exit, output.ToString(), error.ToString());
    });
}
