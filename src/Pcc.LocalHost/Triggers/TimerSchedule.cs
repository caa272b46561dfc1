using NCrontab;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// A six-field NCrontab schedule (seconds first) read as wall-clock time in the app's time zone, as the host reads
/// it with <c>WEBSITE_TIME_ZONE</c> (https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer#ncrontab-time-zones),
/// so "07:30 UK time" stays 07:30 across daylight saving. A time in the hour skipped in spring runs an hour later
/// by the clock (as much time after the change as it was meant to be); a time repeated in autumn runs once, the first time.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule _cron;

    private TimerSchedule(string expression, CrontabSchedule cron, TimeZoneInfo timeZone)
    {
        Expression = expression;
        _cron = cron;
        TimeZone = timeZone;
    }

    /// <summary>The cron expression.</summary>
    public string Expression { get; }

    /// <summary>The zone the expression's times are in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Parses <paramref name="expression"/>; an invalid one is an error naming <paramref name="usedBy"/>.</summary>
    public static TimerSchedule Parse(string expression, TimeZoneInfo timeZone, string usedBy)
    {
        var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException(
                $"{usedBy} has the schedule '{expression}', which is not a six-field NCrontab expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}).");
        return new TimerSchedule(expression, cron, timeZone);
    }

    /// <summary>The zone named by <c>WEBSITE_TIME_ZONE</c> (an IANA or Windows id), UTC when unset.</summary>
    public static TimeZoneInfo TimeZoneFrom(IConfiguration configuration)
    {
        var id = configuration["WEBSITE_TIME_ZONE"];
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new InvalidOperationException($"WEBSITE_TIME_ZONE is '{id}', which is not a time zone this machine knows (use an IANA id such as Europe/London).");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, with the zone's offset at that moment.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var wallClock = TimeZoneInfo.ConvertTime(after, TimeZone).DateTime;
        while (true)
        {
            var next = _cron.GetNextOccurrence(wallClock);
            var candidate = ToInstant(next);
            if (candidate > after)
            {
                return candidate;
            }

            wallClock = next;
        }
    }

    private DateTimeOffset ToInstant(DateTime wallClock)
    {
        if (TimeZone.IsInvalidTime(wallClock))
        {
            // In the hour the clocks skip: read with the offset in force before the change, which lands just after it.
            var before = TimeZone.GetUtcOffset(wallClock.AddDays(-1));
            return new DateTimeOffset(wallClock, before).ToOffset(TimeZone.GetUtcOffset(wallClock.AddDays(1)));
        }

        var offset = TimeZone.IsAmbiguousTime(wallClock) ? TimeZone.GetAmbiguousTimeOffsets(wallClock).Max() : TimeZone.GetUtcOffset(wallClock);
        return new DateTimeOffset(wallClock, offset);
    }
}
