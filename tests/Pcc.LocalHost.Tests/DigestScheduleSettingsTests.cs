using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

public sealed class DigestScheduleSettingsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TheTimersRunOnTheirDefaultSchedulesWhenTheSettingsAreMissing()
    {
        await using var test = await TestHost.StartAsync(azurite.Azurite);

        Assert.Equal("0 */5 * * * *", test.Host.Timers["SendImmediateAlerts"].Schedule.Expression);
        Assert.Equal("0 30 6,7 * * *", test.Host.Timers["SendDailyDigests"].Schedule.Expression);
        Assert.Equal("0 30 6,7 * * 1", test.Host.Timers["SendWeeklyDigests"].Schedule.Expression);
        Assert.Equal("0 0 6 * * 1", test.Host.Timers["SendWeeklySummary"].Schedule.Expression);
    }

    [Fact]
    public async Task AScheduleSettingOverridesTheDefault()
    {
        await using var test = await TestHost.StartAsync(azurite.Azurite, o => o.Settings["DigestsDailySchedule"] = "0 0 8 * * *");

        Assert.Equal("0 0 8 * * *", test.Host.Timers["SendDailyDigests"].Schedule.Expression);
    }
}
