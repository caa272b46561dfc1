using System.Text.Json;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Platform.Storage;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

/// <summary>Timers through the worker: the test worker's <c>Tick</c> runs on <c>%TestWorker:Schedule%</c> (once a year unless a test says otherwise).</summary>
public sealed class TimerTriggerTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnOccurrenceMissedWhileTheHostWasDownRunsOnceWithIsPastDueAndTheRecordedStatus()
    {
        var hostId = "test-" + Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow;
        var store = new ScheduleStatusStore(StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString).GetBlobContainerClient(BlobReceipts.ContainerName), hostId);
        await store.UpdateAsync("Host.Functions.Tick", new ScheduleStatus(now.AddDays(-2), now.AddDays(-1), now.AddDays(-2)), default);

        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite, o => o.HostId = hostId);

        var tick = Assert.Single(await Eventually.Async(() => test.ResultNamesAsync("tick-"), t => t.Count > 0, "the past-due run"));
        using var record = JsonDocument.Parse((await test.ResultAsync(tick))!);
        Assert.True(record.RootElement.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal(now.AddDays(-1), record.RootElement.GetProperty("Next").GetDateTimeOffset());
        // The status is stored after the run; once it is, the run is over and the next one is a year away.
        var status = await Eventually.Async(() => store.GetAsync("Host.Functions.Tick", default), s => s!.Last > now.AddMinutes(-1), "the new status");
        Assert.Single(await test.ResultNamesAsync("tick-"));
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

    [Fact]
    public async Task AScheduleNamedByAnAppSettingIsReadInTheAppsTimeZone()
    {
        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite, o =>
        {
            o.Settings["TestWorker:Schedule"] = "0 30 7 * * *";
            o.Settings["WEBSITE_TIME_ZONE"] = "Europe/London";
        });

        var timer = test.Host.Timers["Tick"];

        Assert.Equal("0 30 7 * * *", timer.Schedule.Expression);
        var london = TimeZoneInfo.ConvertTime(timer.Status!.Next, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.Equal(new TimeSpan(7, 30, 0), london.TimeOfDay);
    }

    [Fact]
    public async Task AMissingScheduleSettingStopsTheHostWithAnErrorNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestHost.StartWorkerAsync(fixture.Azurite, o => o.Settings["TestWorker:Schedule"] = ""));

        Assert.Contains("TestWorker:Schedule", error.Message);
        Assert.Contains("Tick", error.Message);
    }

    [Fact]
    public async Task ATimerRunsWhenItsOccurrenceComes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));
        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite, o =>
        {
            o.TimeProvider = clock;
            o.Settings["TestWorker:Schedule"] = "0 */5 * * * *";
        });
        await clock.WaitForTimerAsync();

        clock.Advance(TimeSpan.FromMinutes(5));

        var tick = Assert.Single(await Eventually.Async(() => test.ResultNamesAsync("tick-"), t => t.Count > 0, "the scheduled run"));
        using var record = JsonDocument.Parse((await test.ResultAsync(tick))!);
        Assert.False(record.RootElement.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 35, 0, TimeSpan.Zero), record.RootElement.GetProperty("Next").GetDateTimeOffset());
        var status = await Eventually.Async(() => Task.FromResult(test.Host.Timers["Tick"].Status!), s => s.Last.Minute == 35, "the status after the run");
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 40, 0, TimeSpan.Zero), status.Next);
    }
}
