using System.Text.Json;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

/// <summary>Timers through the worker: the test worker's <c>Tick</c> runs on <c>%TestWorker:Schedule%</c> (once a year here).</summary>
public sealed class TimerTriggerTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnOccurrenceMissedWhileTheHostWasDownRunsOnceWithIsPastDueAndTheRecordedStatus()
    {
        var hostId = "test-" + Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow;
        var store = new ScheduleStatusStore(Pcc.Storage.StorageAccount.FromConnectionString(fixture.Azurite.ConnectionString).GetBlobContainerClient(BlobReceipts.ContainerName), hostId);
        await store.UpdateAsync("Host.Functions.Tick", new ScheduleStatus(now.AddDays(-2), now.AddDays(-1), now.AddDays(-2)), default);

        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite, o => o.HostId = hostId);

        var tick = Assert.Single(await TestHost.EventuallyAsync(() => test.ResultNamesAsync("tick-"), t => t.Count > 0, "the past-due run"));
        using var record = JsonDocument.Parse((await test.ResultAsync(tick))!);
        Assert.True(record.RootElement.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal(now.AddDays(-1), record.RootElement.GetProperty("Next").GetDateTimeOffset());
        await Task.Delay(500);
        Assert.Single(await test.ResultNamesAsync("tick-"));
        var status = await TestHost.EventuallyAsync(() => store.GetAsync("Host.Functions.Tick", default), s => s!.Last > now.AddMinutes(-1), "the new status");
        Assert.Equal(new DateTimeOffset(now.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero), status!.Next);
    }

    [Fact]
    public async Task ATimerThatIsNotPastDueDoesNotRunAtStartAndRecordsItsStatus()
    {
        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite);

        await Task.Delay(500);

        Assert.Empty(await test.ResultNamesAsync("tick-"));
        var store = new ScheduleStatusStore(test.Host.Storage.GetBlobContainerClient(BlobReceipts.ContainerName), test.Host.Options.HostId);
        var status = await store.GetAsync("Host.Functions.Tick", default);
        Assert.NotNull(status);
        Assert.Equal((1, 1), (status.Next.Month, status.Next.Day));
    }
}
