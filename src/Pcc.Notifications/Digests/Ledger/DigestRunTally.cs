namespace Pcc.Notifications.Digests.Ledger;

/// <summary>A window's totals over its batches, and whether anything is left to send.</summary>
/// <param name="Sent">Recipients the provider accepted.</param>
/// <param name="Failed">Recipients failed for good.</param>
/// <param name="Deferred">Recipients waiting for a later attempt.</param>
/// <param name="Pending">Recipients of batches not taken by a sender yet.</param>
/// <param name="Unconfirmed">Recipients of batches claimed with no outcome recorded: being sent, or lost to a crash.</param>
public sealed record DigestRunTally(int Sent, int Failed, int Deferred, int Pending, int Unconfirmed)
{
    /// <summary>True when no batch waits to be sent or retried: the window is complete.</summary>
    public bool Settled => Deferred == 0 && Pending == 0;

    /// <summary>Adds up <paramref name="batches"/>.</summary>
    public static DigestRunTally Of(IEnumerable<DigestBatchEntity> batches)
    {
        int sent = 0, failed = 0, deferred = 0, pending = 0, unconfirmed = 0;
        foreach (var batch in batches)
        {
            sent += batch.Sent;
            failed += batch.Failed;
            switch (batch.State)
            {
                case DigestBatchState.Pending:
                    pending += batch.Recipients;
                    break;
                case DigestBatchState.Deferred:
                    deferred += batch.Recipients - batch.Sent - batch.Failed;
                    break;
                case DigestBatchState.Claimed:
                    unconfirmed += batch.Recipients - batch.Sent - batch.Failed;
                    break;
            }
        }

        return new DigestRunTally(sent, failed, deferred, pending, unconfirmed);
    }

    /// <summary>Writes the totals and the status they imply into <paramref name="run"/>.</summary>
    public void ApplyTo(DigestRunEntity run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Sent = Sent;
        run.Failed = Failed;
        run.Deferred = Deferred;
        run.Unconfirmed = Unconfirmed;
        run.Status = Settled ? DigestRunStatus.Completed : DigestRunStatus.Sending;
        run.CompletedAt = Settled ? run.CompletedAt ?? now : null;
    }
}
