using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Pcc.Notifications.Digests.Ledger;

/// <summary>
/// Table <c>Deliveries</c>: one row per batch of a window's digests. PartitionKey = the window's id
/// (<c>daily-20261123T0730Z</c>), RowKey = the plan's id and the batch number (<c>3f9c…-00042</c>). A batch holds at
/// most 1,000 recipients of one theme set, so one provider request carries it; its membership is written once, when the
/// window is planned, to the blob named by <see cref="Blob"/>, and never changes. Claims and outcomes are one write to
/// this row each, per batch rather than per recipient, so 100,000 digests cost about 100 claims and 100 outcomes.
/// </summary>
public sealed class DigestBatchEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>What every recipient of the batch follows (<see cref="DigestPlanner.FollowSetOf"/>; a theme-only subscriber's is their theme set), cut at 1,024 characters.</summary>
    public string ThemeSet { get; set; } = "";

    /// <summary>The blob holding the batch's content and recipients, in the ledger's container.</summary>
    public string Blob { get; set; } = "";

    /// <summary>How many recipients the batch holds.</summary>
    public int Recipients { get; set; }

    /// <summary>Pending, claimed, deferred or done.</summary>
    public DigestBatchState State { get; set; }

    /// <summary>How many times a sender has claimed the batch.</summary>
    public int Attempts { get; set; }

    /// <summary>Which sender invocation holds or last held the claim.</summary>
    public string? Claimant { get; set; }

    /// <summary>When the latest claim was taken; a claim older than the lease with no outcome was abandoned by a crash.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>When the latest outcome was recorded.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Recipients the provider accepted, over every attempt.</summary>
    public int Sent { get; set; }

    /// <summary>Recipients failed for good (refused, or deferred too many times).</summary>
    public int Failed { get; set; }

    /// <summary>
    /// The positions (in the blob's recipient list) of the recipients still to send after a deferral, comma-separated;
    /// null while the batch has not been tried (everyone is still to send) and once it is done.
    /// </summary>
    public string? Remaining { get; set; }

    /// <summary>The provider's message id when sent; the reason for the latest deferral or failure otherwise.</summary>
    public string? Detail { get; set; }

    /// <summary>The batch's number in its plan.</summary>
    public int Number => int.Parse(RowKey.AsSpan(RowKey.LastIndexOf('-') + 1), CultureInfo.InvariantCulture);

    /// <summary>The RowKey of batch <paramref name="number"/> of plan <paramref name="planId"/>.</summary>
    public static string RowKeyFor(string planId, int number) => $"{planId}-{number.ToString("D5", CultureInfo.InvariantCulture)}";

    /// <summary>The positions still to send: <see cref="Remaining"/>, or everyone when the batch has not been tried.</summary>
    public IReadOnlyList<int> RemainingPositions() => Remaining is null
        ? [.. Enumerable.Range(0, Recipients)]
        : [.. Remaining.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
}
