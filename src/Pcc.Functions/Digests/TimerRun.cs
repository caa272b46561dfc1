using System.Globalization;
using System.Text.Json;
using Pcc.Functions.Hosting;

namespace Pcc.Functions.Digests;

/// <summary>
/// Tells a scheduled timer tick from a run asked for on demand (the admin endpoint, or a caller without a schedule).
/// </summary>
/// <remarks>
/// The host sends the same payload shape either way: <c>{"Schedule":…,"ScheduleStatus":{"Last","Next","LastUpdated"},"IsPastDue":…}</c>.
/// On a scheduled tick the status is the one from before the run, so <c>Next</c> is the occurrence being run (now, or
/// a moment after when the timer fires early); a tick that was missed comes with <c>IsPastDue</c>. On demand, the
/// status points at an occurrence still to come, or there is no status at all.
/// </remarks>
public static class TimerRun
{
    /// <summary>How far ahead of now <c>Next</c> may be for the tick still to count as that occurrence.</summary>
    public static TimeSpan EarlyFiring { get; } = TimeSpan.FromMinutes(1);

    /// <summary>True when the invocation was asked for on demand rather than by the schedule.</summary>
    public static bool IsOnDemand(FunctionInvocation invocation, string bindingName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        JsonElement? timer;
        try
        {
            timer = invocation.GetDataObject(bindingName);
        }
        catch (JsonException)
        {
            return true;
        }

        if (timer is not { } info)
        {
            return true;
        }

        if (Property(info, "IsPastDue") is { ValueKind: JsonValueKind.True })
        {
            return false;
        }

        var next = Property(info, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } status ? Property(status, "Next") : null;
        if (next is not { ValueKind: JsonValueKind.String } text
            || !DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var due))
        {
            return true;
        }

        return due - now > EarlyFiring;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
