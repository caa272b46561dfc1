namespace Pcc.Notifications.Digests.Ledger;

/// <summary>Where a window's digest run stands.</summary>
public enum DigestRunStatus
{
    /// <summary>Planned: recipients and changes counted, nothing claimed yet.</summary>
    Planned,

    /// <summary>Sending, or stopped part-way (crashed, or deferred deliveries left to retry).</summary>
    Sending,

    /// <summary>Every recipient's delivery is settled (sent, failed, or unconfirmed after a crash); runs of the window send nothing more.</summary>
    Completed,
}
