using Pcc.Cli;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

/// <summary>The editors' and operators' commands against a running local host.</summary>
public sealed class CliTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task UploadWithWaitPrintsTheIngestReport()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);
        var file = RepositoryRoot.Combine("seeds", Seeds.BriefingName);

        var (exit, output, error) = await PccAsync(test, "upload", file, "--name", "public-safety.txt", "--wait", "--timeout", "60");

        Assert.True(exit == 0, error);
        Assert.Contains("Uploaded 001_88da988782738298.txt", output);
        Assert.Contains("20 case studies in 7 themes: 20 new, 0 changed, 0 removed, 0 unchanged", output);
        Assert.Contains("public-safety", (await test.GetJsonAsync("api/briefings"))[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task UploadWithWaitOfAnUnreadableDocumentExitsWithCode2AndSaysWhy()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "broken.pdf");
        await File.WriteAllTextAsync(file, "%PDF-1.7 this is not a PDF");

        var (exit, output, _) = await PccAsync(test, "upload", file, "--wait", "--timeout", "60");

        Assert.Equal(2, exit);
        Assert.Contains("FAILED", output);
        Assert.Contains("broken.pdf", output);
    }

    [Fact]
    public async Task PoisonListAndReplayRecoverABlobWhoseFunctionFailedFiveTimes()
    {
        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite);
        await test.UploadAsync(test.Inbox, "stuck.txt", "fail until allowed"u8.ToArray());
        await TestHost.EventuallyAsync(() => test.Host.PoisonQueue.ListAsync(), m => m.Count > 0, "a poison message");

        var list = await PccAsync(test, "poison", "list", "--host-id", test.Host.Options.HostId, "--queue", test.Host.Options.PoisonQueueName);
        await test.UploadAsync(test.Results, "allow-stuck.txt", []);
        var replay = await PccAsync(test, "poison", "replay", "--all", "--host-id", test.Host.Options.HostId, "--queue", test.Host.Options.PoisonQueueName);

        Assert.Contains($"{test.Inbox.Name}/stuck.txt", list.Output);
        Assert.Contains("1 replayed.", replay.Output);
        await TestHost.EventuallyAsync(() => test.ResultAsync("copy-stuck.txt"), r => r == "stuck.txt|fail until allowed", "the replayed copy");
        await TestHost.EventuallyAsync(() => test.Host.PoisonQueue.ListAsync(), m => m.Count == 0, "an empty poison queue");
    }

    [Fact]
    public async Task ADigestBatchMessageThatFailedFiveTimesIsListedByPoisonAndReplayedOntoItsQueue()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);
        var digests = "digests-" + test.Id;
        var queue = test.Host.Storage.CreateQueueServiceClient().GetQueueClient(digests);
        await queue.CreateIfNotExistsAsync();
        var outcomes = new List<Triggers.QueueTriggerOutcome>();
        test.Host.QueueProcessed += o => { lock (outcomes) { outcomes.Add(o); } };
        await queue.SendMessageAsync("{\"frequency\":\"daily\",\"start\":\"2026-11-22T07:30:00Z\",\"end\":\"2026-11-23T07:30:00Z\",\"batch\":\"nosuchplan-00000\"}");
        await TestHost.EventuallyAsync(() => Task.FromResult(Poisoned(outcomes)), n => n == 1, "the batch message poisoned");

        var list = await PccAsync(test, "poison", "list", "--host-id", test.Host.Options.HostId, "--queue", test.Host.Options.PoisonQueueName, "--digest-queue", digests);
        var replay = await PccAsync(test, "poison", "replay", "--all", "--host-id", test.Host.Options.HostId, "--queue", test.Host.Options.PoisonQueueName, "--digest-queue", digests);

        Assert.Contains($"SendDigestBatch  {digests}-poison", list.Output);
        Assert.Contains("nosuchplan-00000", list.Output);
        Assert.Contains("1 replayed.", replay.Output);
        await TestHost.EventuallyAsync(() => Task.FromResult(Poisoned(outcomes)), n => n == 2, "the replayed message delivered five more times");
        lock (outcomes)
        {
            Assert.Equal(10, outcomes.Count);
        }
    }

    private static int Poisoned(List<Triggers.QueueTriggerOutcome> outcomes)
    {
        lock (outcomes)
        {
            return outcomes.Count(o => o.Poisoned);
        }
    }

    [Fact]
    public async Task AVersionThatWouldEmptyTheBriefingIsHeldUntilPccConfirmPublishesIt()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);
        var folder = Directory.CreateTempSubdirectory().FullName;
        var empty = Path.Combine(folder, "public-safety.txt");
        await File.WriteAllTextAsync(empty, "Minutes of the estates committee\n\nThe car park will be resurfaced in the spring.\n");
        await PccAsync(test, "upload", RepositoryRoot.Combine("seeds", Seeds.BriefingName), "--name", "public-safety.txt", "--wait", "--timeout", "60");

        var held = await PccAsync(test, "upload", empty, "--wait", "--timeout", "60");
        var confirm = await PccAsync(test, "confirm", "public-safety", "2");
        var again = await PccAsync(test, "confirm", "public-safety", "2");
        var missing = await PccAsync(test, "confirm", "public-safety", "9");

        Assert.Equal(3, held.Exit);
        Assert.Contains("HELD FOR REVIEW", held.Output);
        Assert.True(confirm.Exit == 0, confirm.Error);
        Assert.Contains("Confirmed by an editor", confirm.Output);
        Assert.Equal(0, again.Exit);
        Assert.Contains("already published", again.Output);
        Assert.Equal(5, missing.Exit);
        Assert.Equal(2, (await test.GetJsonAsync("api/briefings/public-safety")).GetProperty("currentVersion").GetInt32());
        Assert.Equal(0, (await test.GetJsonAsync("api/case-studies")).GetArrayLength());
    }

    [Fact]
    public async Task ReplayWithoutIdsOrAllIsAUsageError()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite);

        var (exit, _, error) = await PccAsync(test, "poison", "replay", "--host-id", test.Host.Options.HostId);

        Assert.Equal(1, exit);
        Assert.Contains("--all", error);
    }

    private static Task<(int Exit, string Output, string Error)> PccAsync(TestHost test, params string[] args) => Task.Run(() =>
    {
        StorageSettings.Overrides = new Dictionary<string, string?>(test.Host.Options.Settings);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApplication.Run([.. args, "--connection", test.Host.StorageConnectionString], output, error);
        return (exit, output.ToString(), error.ToString());
    });
}
