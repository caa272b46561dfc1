namespace Pcc.Notifications.Digests;

/// <summary>The UK's civil time (Europe/London: GMT in winter, BST in summer), in which digests are scheduled.</summary>
public static class UkTime
{
    /// <summary>Europe/London from the system's time zone data, or the same rules built in code where the data is missing.</summary>
    public static TimeZoneInfo Zone { get; } = Load();

    /// <summary>The UK wall-clock time at <paramref name="instant"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Zone);

    /// <summary>
    /// The instant at which the UK clock shows <paramref name="local"/>. Digests are scheduled at 07:30, which every
    /// UK day has exactly once (the clocks change at 01:00 UTC), so no time is skipped or repeated.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone), TimeSpan.Zero);
    }

    private static TimeZoneInfo Load()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Slim containers can lack tzdata. Since 1996 (EU rules): BST from 01:00 UTC on the last Sunday in March
            // to 01:00 UTC on the last Sunday in October.
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone("Europe/London", TimeSpan.Zero, "UK time", "GMT", "BST", [rule]);
        }
    }
}
