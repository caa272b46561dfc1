using Pcc.LocalHost.Triggers;

namespace Pcc.LocalHost.Tests;

public sealed class TimerScheduleTests
{
    private static readonly TimeZoneInfo s_london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void HalfPastSevenUkTimeStaysHalfPastSevenAcrossTheClockChanges()
    {
        var schedule = TimerSchedule.Parse("0 30 7 * * *", s_london, "test");

        Assert.Equal(DateTimeOffset.Parse("2026-03-28T07:30:00+00:00"), schedule.GetNextOccurrence(DateTimeOffset.Parse("2026-03-28T00:00:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T07:30:00+01:00"), schedule.GetNextOccurrence(DateTimeOffset.Parse("2026-03-28T08:00:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2026-10-25T07:30:00+00:00"), schedule.GetNextOccurrence(DateTimeOffset.Parse("2026-10-24T07:00:00Z")));
    }

    [Fact]
    public void ATimeInTheSkippedHourRunsAnHourLaterByTheClock()
    {
        var schedule = TimerSchedule.Parse("0 30 1 * * *", s_london, "test");

        var next = schedule.GetNextOccurrence(DateTimeOffset.Parse("2026-03-29T00:00:00Z"));

        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:30:00Z"), next);
        Assert.Equal(TimeSpan.FromHours(1), next.Offset);
    }

    [Fact]
    public void ATimeRepeatedInAutumnRunsOnce()
    {
        var schedule = TimerSchedule.Parse("0 30 1 * * *", s_london, "test");

        var first = schedule.GetNextOccurrence(DateTimeOffset.Parse("2026-10-24T23:00:00Z"));
        var second = schedule.GetNextOccurrence(first);

        Assert.Equal(DateTimeOffset.Parse("2026-10-25T01:30:00+01:00"), first);
        Assert.Equal(DateTimeOffset.Parse("2026-10-26T01:30:00+00:00"), second);
    }

    [Fact]
    public void AFiveFieldScheduleIsRejectedWithTheFunctionsName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("30 7 * * *", TimeZoneInfo.Utc, "The timer trigger of SendDailyDigests"));

        Assert.Contains("SendDailyDigests", error.Message);
    }

    [Fact]
    public void BlobPathPatternsMatchTheirTokensAndSkipOtherBlobs()
    {
        var pattern = BlobPathPattern.Parse("briefings/in/{name}.txt");

        Assert.Equal("in/", pattern.Prefix);
        Assert.Equal("a/b", pattern.Match("in/a/b.txt")!["name"]);
        Assert.Null(pattern.Match("in/a.pdf"));
        Assert.Equal("x.txt", BlobPathPattern.Parse("briefings/{name}").Match("x.txt")!["name"]);
    }
}
