using Pcc.Notifications.Digests;

namespace Pcc.Notifications.Tests.Digests;

public sealed class DigestScheduleTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void AWinterDailyWindowRunsFrom0730UtcTheDayBefore()
    {
        var window = DigestSchedule.WindowEndingAt(DigestFrequency.Daily, Utc(2026, 11, 23, 7, 30));

        Assert.Equal(Utc(2026, 11, 22, 7, 30), window.Start);
        Assert.Equal(TimeSpan.FromHours(24), window.Length);
        Assert.Equal("daily-20261123T0730Z", window.Id);
    }

    [Fact]
    public void ASummerDailyWindowEndsAt0630Utc()
    {
        var window = DigestSchedule.LatestWindow(DigestFrequency.Daily, Utc(2026, 6, 15, 12, 0));

        Assert.Equal(Utc(2026, 6, 15, 6, 30), window.End);
        Assert.Equal(Utc(2026, 6, 14, 6, 30), window.Start);
    }

    [Fact]
    public void TheDailyWindowAcrossTheEndOfSummerTimeIs25Hours()
    {
        // Clocks go back at 01:00 UTC on Sunday 25 October 2026.
        var window = DigestSchedule.WindowEndingAt(DigestFrequency.Daily, Utc(2026, 10, 25, 7, 30));

        Assert.Equal(Utc(2026, 10, 24, 6, 30), window.Start);
        Assert.Equal(TimeSpan.FromHours(25), window.Length);
    }

    [Fact]
    public void TheDailyWindowAcrossTheStartOfSummerTimeIs23Hours()
    {
        // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
        var window = DigestSchedule.WindowEndingAt(DigestFrequency.Daily, Utc(2026, 3, 29, 6, 30));

        Assert.Equal(Utc(2026, 3, 28, 7, 30), window.Start);
        Assert.Equal(TimeSpan.FromHours(23), window.Length);
    }

    [Fact]
    public void AWeeklyWindowRunsMondayToMondayAt0730UkTime()
    {
        var winter = DigestSchedule.LatestWindow(DigestFrequency.Weekly, Utc(2026, 11, 26, 12, 0));
        var acrossSpring = DigestSchedule.WindowEndingAt(DigestFrequency.Weekly, Utc(2026, 3, 30, 6, 30));

        Assert.Equal(Utc(2026, 11, 23, 7, 30), winter.End);
        Assert.Equal(Utc(2026, 11, 16, 7, 30), winter.Start);
        Assert.Equal(Utc(2026, 3, 23, 7, 30), acrossSpring.Start);
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), acrossSpring.Length);
    }

    [Fact]
    public void ImmediateWindowsAreFiveMinutesOnTheClock()
    {
        var window = DigestSchedule.LatestWindow(DigestFrequency.Immediate, new DateTimeOffset(2026, 11, 23, 10, 7, 12, TimeSpan.Zero));

        Assert.Equal(Utc(2026, 11, 23, 10, 0), window.Start);
        Assert.Equal(Utc(2026, 11, 23, 10, 5), window.End);
        Assert.Equal("immediate-20261123T1005Z", window.Id);
    }

    [Theory]
    [InlineData("2026-06-15T06:30:00Z", true)]
    [InlineData("2026-06-15T07:30:00Z", false)]
    [InlineData("2026-11-23T06:30:00Z", false)]
    [InlineData("2026-11-23T07:30:00Z", true)]
    [InlineData("2026-11-23T07:31:10Z", true)]
    [InlineData("2026-10-25T06:30:00Z", false)]
    [InlineData("2026-10-25T07:30:00Z", true)]
    [InlineData("2026-03-29T06:30:00Z", true)]
    [InlineData("2026-03-29T07:30:00Z", false)]
    public void DailyDigestsAreDueOnlyAt0730UkTime(string utc, bool due) =>
        Assert.Equal(due, DigestSchedule.IsDue(DigestFrequency.Daily, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void WeeklyDigestsAreDueOnlyOnMondayMorning()
    {
        Assert.True(DigestSchedule.IsDue(DigestFrequency.Weekly, Utc(2026, 11, 23, 7, 30)));
        Assert.False(DigestSchedule.IsDue(DigestFrequency.Weekly, Utc(2026, 11, 24, 7, 30)));
        Assert.True(DigestSchedule.IsDue(DigestFrequency.Weekly, Utc(2026, 6, 15, 6, 30)));
        Assert.False(DigestSchedule.IsDue(DigestFrequency.Weekly, Utc(2026, 6, 15, 7, 30)));
    }

    [Fact]
    public void WindowsMissedWhileTheAppWasDownAreListedOldestFirst()
    {
        var missed = DigestSchedule.MissedWindows(DigestFrequency.Daily, Utc(2026, 11, 23, 7, 30), Utc(2026, 11, 26, 8, 0));

        Assert.Equal([Utc(2026, 11, 24, 7, 30), Utc(2026, 11, 25, 7, 30), Utc(2026, 11, 26, 7, 30)], missed.Select(w => w.End));
        Assert.Equal(Utc(2026, 11, 23, 7, 30), missed[0].Start);
    }

    [Fact]
    public void ALongOutageCatchesUpOnlyTheMostRecentWindows()
    {
        var missed = DigestSchedule.MissedWindows(DigestFrequency.Daily, Utc(2026, 11, 1, 7, 30), Utc(2026, 11, 26, 8, 0), maxWindows: 2);

        Assert.Equal([Utc(2026, 11, 25, 7, 30), Utc(2026, 11, 26, 7, 30)], missed.Select(w => w.End));
    }

    [Fact]
    public void NothingIsMissedWhenTheLatestWindowIsCompleted()
    {
        Assert.Empty(DigestSchedule.MissedWindows(DigestFrequency.Daily, Utc(2026, 11, 26, 7, 30), Utc(2026, 11, 26, 9, 0)));
        Assert.Single(DigestSchedule.MissedWindows(DigestFrequency.Daily, null, Utc(2026, 11, 26, 9, 0)));
    }

    [Fact]
    public void AWindowMustEndAtAScheduledTime() =>
        Assert.Throws<ArgumentException>(() => DigestSchedule.WindowEndingAt(DigestFrequency.Daily, Utc(2026, 11, 23, 8, 0)));
}
