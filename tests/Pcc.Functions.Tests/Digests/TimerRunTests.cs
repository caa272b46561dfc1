using Pcc.Functions.Digests;

namespace Pcc.Functions.Tests.Digests;

public sealed class TimerRunTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 7, 30, 1, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-23T07:30:00Z", false, false)]
    [InlineData("2026-11-23T07:30:30Z", false, false)]
    [InlineData("2026-11-23T06:30:00Z", true, false)]
    [InlineData("2026-11-24T06:30:00Z", false, true)]
    public void ATickAtItsOccurrenceIsScheduledAndAnythingElseIsOnDemand(string next, bool isPastDue, bool onDemand)
    {
        var timer = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus { Next = DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime },
        };

        Assert.Equal(onDemand, TimerRun.IsOnDemand(timer, s_now));
    }

    [Fact]
    public void ATimerWithoutAStatusOrWithoutATimerIsOnDemand()
    {
        Assert.True(TimerRun.IsOnDemand(new TimerInfo { ScheduleStatus = null }, s_now));
        Assert.True(TimerRun.IsOnDemand(null, s_now));
    }

    [Fact]
    public void TheHostsTimerPayloadReadsAsTheWorkerReadsIt()
    {
        // The timer payload the host sends (Schedule, ScheduleStatus, IsPastDue), read with the worker's web defaults.
        var payload = """{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-23T06:30:00+00:00","Next":"2026-11-23T07:30:00+00:00","LastUpdated":"2026-11-23T06:30:00+00:00"},"IsPastDue":false}""";

        var timer = System.Text.Json.JsonSerializer.Deserialize<TimerInfo>(payload, System.Text.Json.JsonSerializerOptions.Web)!;

        Assert.False(TimerRun.IsOnDemand(timer, s_now));
    }
}
