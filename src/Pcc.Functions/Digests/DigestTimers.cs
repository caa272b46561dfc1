using Pcc.Notifications.Digests;

namespace Pcc.Functions.Digests;

/// <summary>
/// The digest and weekly-summary timers. Each schedule is an app setting, named in each <c>[TimerTrigger]</c> as
/// <c>%Setting%</c> so it can change without a deployment; <see cref="DefaultSchedules"/> fills in any that is not set.
/// </summary>
public static class DigestTimers
{
    /// <summary>The app setting with the immediate alerts' schedule.</summary>
    public const string ImmediateSchedule = "DigestsImmediateSchedule";

    /// <summary>The app setting with the daily digests' schedule.</summary>
    public const string DailySchedule = "DigestsDailySchedule";

    /// <summary>The app setting with the weekly digests' schedule.</summary>
    public const string WeeklySchedule = "DigestsWeeklySchedule";

    /// <summary>The app setting with the weekly summary's schedule.</summary>
    public const string SummarySchedule = "WeeklySummarySchedule";

    /// <summary>
    /// The schedules used when the settings are missing (six-field NCRONTAB, UTC): the digests' from
    /// <see cref="DigestSchedule.TimerSchedule"/> (06:30 and 07:30 UTC, one of which is 07:30 in London); the summary
    /// on Monday at 06:00 UTC, after the ISO week has ended in UK time whatever the season.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> DefaultSchedules { get; } = new Dictionary<string, string?>
    {
        [ImmediateSchedule] = DigestSchedule.TimerSchedule(DigestFrequency.Immediate),
        [DailySchedule] = DigestSchedule.TimerSchedule(DigestFrequency.Daily),
        [WeeklySchedule] = DigestSchedule.TimerSchedule(DigestFrequency.Weekly),
        [SummarySchedule] = "0 0 6 * * 1",
    };
}
