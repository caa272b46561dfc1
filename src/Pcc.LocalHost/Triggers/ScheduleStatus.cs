using System.Text.Json.Nodes;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// A timer's recorded schedule, as the host's schedule monitor keeps it: the last occurrence run, the next one
/// due, and when this was written (azure-webjobs-sdk-extensions <c>ScheduleStatus</c>). Times carry the
/// schedule's time-zone offset.
/// </summary>
/// <param name="Last">The occurrence last run; <see cref="DateTimeOffset.MinValue"/> before the first run.</param>
/// <param name="Next">The occurrence due next.</param>
/// <param name="LastUpdated">When the status was last written.</param>
public sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated)
{
    /// <summary>The status as the payload's <c>ScheduleStatus</c> object.</summary>
    public JsonObject ToJson() => new()
    {
        ["Last"] = Last.ToString("O"),
        ["Next"] = Next.ToString("O"),
        ["LastUpdated"] = LastUpdated.ToString("O"),
    };
}
