using Azure;
using Azure.Data.Tables;

namespace Pcc.Notifications.Digests.Ledger;

/// <summary>
/// Table <c>DigestRuns</c>: one row per (frequency, window). PartitionKey = the frequency (<c>daily</c>), RowKey = the
/// window's end as inverted UTC ticks (<see cref="RowKeyFor"/>), so a partition lists its newest windows first and
/// "the latest completed window" or "the last few runs" is the head of one partition, however many years of
/// five-minute windows it holds.
/// </summary>
public sealed class DigestRunEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The window's readable id, e.g. <c>daily-20261123T0730Z</c>.</summary>
    public string WindowId { get; set; } = "";

    /// <summary>The window's start (inclusive).</summary>
    public DateTimeOffset WindowStart { get; set; }

    /// <summary>The window's end (exclusive).</summary>
    public DateTimeOffset WindowEnd { get; set; }

    /// <summary>Planned, sending or completed.</summary>
    public DigestRunStatus Status { get; set; }

    /// <summary>Case studies changed in the window (after collapsing to one per case study).</summary>
    public int Items { get; set; }

    /// <summary>Subscribers of the frequency (not listed, so 0, when nothing changed).</summary>
    public int Recipients { get; set; }

    /// <summary>Recipients none of whose themes changed.</summary>
    public int Empty { get; set; }

    /// <summary>Distinct theme sets with changes: one rendering each.</summary>
    public int Audiences { get; set; }

    /// <summary>Deliveries sent for the window, by every run so far.</summary>
    public int Sent { get; set; }

    /// <summary>Deliveries failed for good.</summary>
    public int Failed { get; set; }

    /// <summary>Deliveries waiting for the window's next run.</summary>
    public int Deferred { get; set; }

    /// <summary>Deliveries claimed by a run that did not record the outcome (see <see cref="DeliveryEntity"/>).</summary>
    public int Unconfirmed { get; set; }

    /// <summary>How many runs started for the window.</summary>
    public int Runs { get; set; }

    /// <summary>When the first run planned the window.</summary>
    public DateTimeOffset? PlannedAt { get; set; }

    /// <summary>When the latest run started sending.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the window was completed.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The window as a <see cref="DigestWindow"/>.</summary>
    public DigestWindow ToWindow(DigestFrequency frequency) => new(frequency, WindowStart, WindowEnd);

    /// <summary>The partition of a frequency's runs.</summary>
    public static string PartitionFor(DigestFrequency frequency) => frequency.ToString().ToLowerInvariant();

    /// <summary>The RowKey of the run of the window ending at <paramref name="windowEnd"/>: newer windows sort first.</summary>
    public static string RowKeyFor(DateTimeOffset windowEnd) =>
        (DateTimeOffset.MaxValue.UtcTicks - windowEnd.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
