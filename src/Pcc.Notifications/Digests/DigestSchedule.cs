namespace Pcc.Notifications.Digests;

/// <summary>
/// When digests are sent and which window of changes each covers. Daily digests go at 07:30 UK time, weekly ones on
/// Monday at 07:30 UK time, immediate alerts every five minutes on the clock (:00, :05, …).
/// </summary>
/// <remarks>
/// Linux Consumption and Flex Consumption plans ignore <c>WEBSITE_TIME_ZONE</c>, so timers run in UTC. The daily and
/// weekly timers fire at both 06:30 and 07:30 UTC (<see cref="TimerSchedule"/>), one of which is 07:30 in London
/// whatever the season, and <see cref="IsDue"/> says which. Windows are half-open, <c>[previous, this)</c>, in UTC
/// instants, so consecutive windows neither overlap nor leave gaps, even when a day has 23 or 25 hours.
/// </remarks>
public static class DigestSchedule
{
    /// <summary>The UK wall-clock time of daily and weekly digests.</summary>
    public static TimeSpan SendTime { get; } = new(7, 30, 0);

    /// <summary>The UK day of weekly digests.</summary>
    public const DayOfWeek WeeklyDay = DayOfWeek.Monday;

    /// <summary>The length of an immediate alert's window.</summary>
    public static TimeSpan ImmediateInterval { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How soon after its scheduled time a timer tick still counts as that occurrence in <see cref="IsDue"/>: well
    /// under the hour between the 06:30 and 07:30 UTC ticks, well over a late timer's delay.
    /// </summary>
    public static TimeSpan DueTolerance { get; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// The NCRONTAB expression (seconds first, UTC) for the function's timer. Daily and weekly fire twice so that one
    /// tick is 07:30 UK time in both GMT and BST.
    /// </summary>
    public static string TimerSchedule(DigestFrequency frequency) => frequency switch
    {
        DigestFrequency.Immediate => "0 */5 * * * *",
        DigestFrequency.Daily => "0 30 6,7 * * *",
        DigestFrequency.Weekly => "0 30 6,7 * * 1",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
    };

    /// <summary>
    /// Whether a timer tick at <paramref name="utcNow"/> is a scheduled occurrence: for daily and weekly, whether it is
    /// (within <see cref="DueTolerance"/> of) 07:30 UK time on the right day; immediate alerts are due on every tick.
    /// </summary>
    public static bool IsDue(DigestFrequency frequency, DateTimeOffset utcNow) =>
        utcNow - LatestOccurrence(frequency, utcNow) < DueTolerance || frequency == DigestFrequency.Immediate;

    /// <summary>The latest occurrence of the schedule at or before <paramref name="instant"/>.</summary>
    public static DateTimeOffset LatestOccurrence(DigestFrequency frequency, DateTimeOffset instant)
    {
        if (frequency == DigestFrequency.Immediate)
        {
            var ticks = instant.UtcTicks - instant.UtcTicks % ImmediateInterval.Ticks;
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        var local = UkTime.ToLocal(instant);
        var date = local.TimeOfDay < SendTime ? local.Date.AddDays(-1) : local.Date;
        if (frequency == DigestFrequency.Weekly)
        {
            date = date.AddDays(-(((int)date.DayOfWeek - (int)WeeklyDay + 7) % 7));
        }

        return UkTime.ToInstant(date + SendTime);
    }

    /// <summary>The occurrence before <paramref name="occurrence"/> (one UK day or week, or five minutes, earlier).</summary>
    public static DateTimeOffset PreviousOccurrence(DigestFrequency frequency, DateTimeOffset occurrence)
    {
        EnsureOccurrence(frequency, occurrence);
        return frequency switch
        {
            DigestFrequency.Immediate => occurrence - ImmediateInterval,
            DigestFrequency.Daily => UkTime.ToInstant(UkTime.ToLocal(occurrence).AddDays(-1)),
            _ => UkTime.ToInstant(UkTime.ToLocal(occurrence).AddDays(-7)),
        };
    }

    /// <summary>The occurrence after <paramref name="occurrence"/>.</summary>
    public static DateTimeOffset NextOccurrence(DigestFrequency frequency, DateTimeOffset occurrence)
    {
        EnsureOccurrence(frequency, occurrence);
        return frequency switch
        {
            DigestFrequency.Immediate => occurrence + ImmediateInterval,
            DigestFrequency.Daily => UkTime.ToInstant(UkTime.ToLocal(occurrence).AddDays(1)),
            _ => UkTime.ToInstant(UkTime.ToLocal(occurrence).AddDays(7)),
        };
    }

    /// <summary>The window that ends at the occurrence <paramref name="end"/>: <c>[previous occurrence, end)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not an occurrence of the schedule.</exception>
    public static DigestWindow WindowEndingAt(DigestFrequency frequency, DateTimeOffset end) =>
        new(frequency, PreviousOccurrence(frequency, end), end.ToUniversalTime());

    /// <summary>The latest window that has closed by <paramref name="utcNow"/>.</summary>
    public static DigestWindow LatestWindow(DigestFrequency frequency, DateTimeOffset utcNow) =>
        WindowEndingAt(frequency, LatestOccurrence(frequency, utcNow));

    /// <summary>
    /// The windows that closed after <paramref name="lastCompletedWindowEnd"/> and by <paramref name="utcNow"/>, oldest
    /// first: what a run must catch up on after the app was down. With no completed window yet, only the latest
    /// window. When more than <paramref name="maxWindows"/> were missed, the most recent ones are returned, so a long
    /// outage does not end in a flood of stale digests.
    /// </summary>
    public static IReadOnlyList<DigestWindow> MissedWindows(
        DigestFrequency frequency, DateTimeOffset? lastCompletedWindowEnd, DateTimeOffset utcNow, int maxWindows = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindows, 1);
        var latest = LatestWindow(frequency, utcNow);
        if (lastCompletedWindowEnd is not { } completed)
        {
            return [latest];
        }

        var windows = new List<DigestWindow>();
        for (var window = latest; window.End > completed && windows.Count < maxWindows; window = WindowEndingAt(frequency, window.Start))
        {
            windows.Add(window);
        }

        windows.Reverse();
        return windows;
    }

    private static void EnsureOccurrence(DigestFrequency frequency, DateTimeOffset instant)
    {
        if (LatestOccurrence(frequency, instant) != instant)
        {
            throw new ArgumentException($"{instant:u} is not a {frequency.ToString().ToLowerInvariant()} digest time.", nameof(instant));
        }
    }
}
