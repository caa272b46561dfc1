using System.Text.Json;
using Pcc.Functions.Digests;
using Pcc.Functions.Hosting;

namespace Pcc.Functions.Tests.Digests;

public sealed class TimerRunTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 7, 30, 1, TimeSpan.Zero);

    [Theory]
    [InlineData("""{"Schedule":{},"ScheduleStatus":{"Last":"2026-11-23T06:30:00+00:00","Next":"2026-11-23T07:30:00+00:00","LastUpdated":"2026-11-23T06:30:00+00:00"},"IsPastDue":false}""", false)]
    [InlineData("""{"Schedule":{},"ScheduleStatus":{"Last":"2026-11-23T06:30:00+00:00","Next":"2026-11-23T07:30:30+00:00","LastUpdated":"2026-11-23T06:30:00+00:00"},"IsPastDue":false}""", false)]
    [InlineData("""{"Schedule":{},"ScheduleStatus":{"Last":"2026-11-22T07:30:00+00:00","Next":"2026-11-23T06:30:00+00:00","LastUpdated":"2026-11-22T07:30:00+00:00"},"IsPastDue":true}""", false)]
    [InlineData("""{"Schedule":{},"ScheduleStatus":{"Last":"2026-11-23T07:30:00+00:00","Next":"2026-11-24T06:30:00+00:00","LastUpdated":"2026-11-23T07:30:00+00:00"},"IsPastDue":false}""", true)]
    [InlineData("""{"Schedule":{},"ScheduleStatus":null,"IsPastDue":false}""", true)]
    [InlineData(null, true)]
    public void ATickAtItsOccurrenceIsScheduledAndAnythingElseIsOnDemand(string? timer, bool onDemand)
    {
        var data = timer is null ? "{}" : "{\"timer\":" + timer + "}";
        using var payload = JsonDocument.Parse("{\"Data\":" + data + ",\"Metadata\":{}}");
        Assert.True(FunctionInvocation.TryParse("SendDailyDigests", payload.RootElement, out var invocation, out _));

        Assert.Equal(onDemand, TimerRun.IsOnDemand(invocation!, "timer", s_now));
    }
}
