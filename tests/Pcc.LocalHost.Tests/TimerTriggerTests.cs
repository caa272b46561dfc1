using Pcc.LocalHost.InProcess;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Notifications.Storage;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

public sealed class TimerTriggerTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    // Once a year, so nothing fires on schedule while a test runs.
    private const string Yearly = "0 0 0 1 1 *";

    [Fact]
    public async Task AnOccurrenceMissedWhileTheHostWasDownRunsOnceWithIsPastDue()
    {
        var timer = FunctionDefinition.Timer<RecordingFunction>("Nightly", Yearly);
        var id = Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow;
        var store = new ScheduleStatusStore(StorageConnectionFor().GetBlobContainerClient(BlobReceipts.ContainerName), "test-" + id);
        await store.UpdateAsync("Host.Functions.Nightly", new ScheduleStatus(now.AddDays(-2), now.AddDays(-1), now.AddDays(-2)), default);

        await using var test = await TestHost.StartAsync(fixture.Azurite, o => o.HostId = "test-" + id, timer);

        var invocation = (await test.Log.WaitForAsync("Nightly", 1)).Single();
        var data = invocation.GetDataObject("timer")!.Value;
        Assert.True(data.GetProperty("IsPastDue").GetBoolean());
        Assert.True(data.GetProperty("Schedule").GetProperty("AdjustForDST").GetBoolean());
        Assert.Equal(now.AddDays(-1), data.GetProperty("ScheduleStatus").GetProperty("Next").GetDateTimeOffset());
        await Task.Delay(500);
        Assert.Single(test.Log.Of("Nightly"));

        var status = await EventuallyStatusAsync(store, "Host.Functions.Nightly", s => s.Last > now.AddMinutes(-1));
        Assert.Equal(new DateTimeOffset(now.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero), status.Next);
    }

    [Fact]
    public async Task ATimerThatIsNotPastDueDoesNotRunAtStartAndRecordsItsStatus()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite, null, FunctionDefinition.Timer<RecordingFunction>("Quiet", Yearly));

        await Task.Delay(500);

        Assert.Empty(test.Log.Of("Quiet"));
        var store = new ScheduleStatusStore(test.Host.Storage.GetBlobContainerClient(BlobReceipts.ContainerName), test.Host.Options.HostId);
        var status = await store.GetAsync("Host.Functions.Quiet", default);
        Assert.NotNull(status);
        Assert.Equal(1, status.Next.Month);
        Assert.Equal(1, status.Next.Day);
    }

    [Fact]
    public async Task RunOnStartupInvokesTheFunctionOnceAtStart()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite, null, FunctionDefinition.Timer<RecordingFunction>("Warmup", Yearly, runOnStartup: true));

        var invocation = (await test.Log.WaitForAsync("Warmup", 1)).Single();

        Assert.False(invocation.GetDataObject("timer")!.Value.GetProperty("IsPastDue").GetBoolean());
        await Task.Delay(500);
        Assert.Single(test.Log.Of("Warmup"));
    }

    [Fact]
    public async Task AScheduleNamedByAnAppSettingIsReadInTheAppsTimeZone()
    {
        await using var test = await TestHost.StartAsync(fixture.Azurite, o =>
        {
            o.Settings["DigestSchedule"] = "0 30 7 * * *";
            o.Settings["WEBSITE_TIME_ZONE"] = "Europe/London";
        }, FunctionDefinition.Timer<RecordingFunction>("Digest", "%DigestSchedule%"));

        var timer = test.Host.Timers["Digest"];

        Assert.Equal("0 30 7 * * *", timer.Schedule.Expression);
        var london = TimeZoneInfo.ConvertTime(timer.Status!.Next, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.Equal(new TimeSpan(7, 30, 0), london.TimeOfDay);
    }

    [Fact]
    public async Task AMissingScheduleSettingStopsTheHostWithAnErrorNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestHost.StartAsync(fixture.Azurite, null, FunctionDefinition.Timer<RecordingFunction>("Orphan", "%NoSuchSchedule%")));

        Assert.Contains("NoSuchSchedule", error.Message);
        Assert.Contains("Orphan", error.Message);
    }

    [Fact]
    public async Task ATimerRunsWhenItsOccurrenceComes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));
        await using var test = await TestHost.StartAsync(fixture.Azurite, o => o.TimeProvider = clock,
            FunctionDefinition.Timer<RecordingFunction>("FiveMinutes", "0 */5 * * * *"));
        await clock.WaitForTimerAsync();

        clock.Advance(TimeSpan.FromMinutes(5));

        var invocation = (await test.Log.WaitForAsync("FiveMinutes", 1)).Single();
        var data = invocation.GetDataObject("timer")!.Value;
        Assert.False(data.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 35, 0, TimeSpan.Zero), data.GetProperty("ScheduleStatus").GetProperty("Next").GetDateTimeOffset());
        var status = await TestHost.EventuallyAsync(() => Task.FromResult(test.Host.Timers["FiveMinutes"].Status!), s => s.Last.Minute == 35, "the status after the run");
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 40, 0, TimeSpan.Zero), status.Next);
    }

    private StorageConnection StorageConnectionFor() => StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString);

    private static async Task<ScheduleStatus> EventuallyStatusAsync(ScheduleStatusStore store, string functionId, Func<ScheduleStatus, bool> holds) =>
        (await TestHost.EventuallyAsync(() => store.GetAsync(functionId, default), s => s is not null && holds(s), "the recorded status"))!;
}
