using System.Globalization;

namespace Pcc.Notifications.Digests;

/// <summary>
/// The changes a digest covers: those ingested in <c>[Start, End)</c>, both UTC instants, for one frequency.
/// </summary>
/// <param name="Frequency">Whose digest this window is.</param>
/// <param name="Start">The previous occurrence of the schedule (inclusive).</param>
/// <param name="End">This occurrence of the schedule (exclusive).</param>
public sealed record DigestWindow(DigestFrequency Frequency, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>How long the window is; a daily window is 23 or 25 hours on the days the UK changes its clocks.</summary>
    public TimeSpan Length => End - Start;

    /// <summary>
    /// A stable, sortable name for the window, such as <c>daily-20261123T0730Z</c>: the frequency and the window's end in
    /// UTC. The ledger keys its rows by it. A window run on demand ends between minutes, and its id then carries the
    /// end to the tick (<c>daily-20261123T101502.1234567Z</c>), so no two windows ever share delivery rows.
    /// </summary>
    public string Id => $"{Frequency.ToString().ToLowerInvariant()}-{End.UtcDateTime.ToString(End.UtcTicks % TimeSpan.TicksPerMinute == 0 ? "yyyyMMdd'T'HHmm'Z'" : "yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override string ToString() => $"{Id} [{Start.UtcDateTime:u}, {End.UtcDateTime:u})";
}
