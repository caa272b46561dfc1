namespace Pcc.Functions.Digests;

/// <summary>
/// Tells a scheduled timer tick from a run asked for on demand (the admin endpoint, or a caller without a schedule).
/// </summary>
/// <remarks>
/// The host sends the same <see cref="TimerInfo"/> either way. On a scheduled tick the status is the one from before
/// the run, so <c>Next</c> is the occurrence being run (now, or a moment after when the timer fires early); a tick that
/// was missed comes with <see cref="TimerInfo.IsPastDue"/>. On demand, the status points at an occurrence still to come,
/// or there is no status at all.
/// </remarks>
public static class TimerRun
{
    /// <summary>How far ahead of now <c>Next</c> may be for the tick still to count as that occurrence.</summary>
    public static TimeSpan EarlyFiring { get; } = TimeSpan.FromMinutes(1);

    /// <summary>True when the invocation was asked for on demand rather than by the schedule.</summary>
    public static bool IsOnDemand(TimerInfo? timer, DateTimeOffset now)
    {
        if (timer is null)
        {
            return true;
        }

        if (timer.IsPastDue)
        {
            return false;
        }

        if (timer.ScheduleStatus is not { Next: var next } || next == default)
        {
            return true;
        }

        return Utc(next) - now > EarlyFiring;
    }

    // The worker reads an offset-less time as unspecified; the host writes UTC.
    private static DateTimeOffset Utc(DateTime time) => time.Kind == DateTimeKind.Unspecified
        ? new DateTimeOffset(time, TimeSpan.Zero)
        : new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero);
}
