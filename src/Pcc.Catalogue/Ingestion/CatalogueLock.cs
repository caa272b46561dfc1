using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// The one lock every change to the catalogue takes (an ingest, confirming a held version, settling an abandoned
/// ingest): a case study can appear in several briefings, and the catalogue row they share is read, merged and
/// written back. A holder that dies loses the lock when its lease runs out (a minute); a holder that loses it while
/// working stops (<see cref="WhileHeld"/>).
/// </summary>
public static class CatalogueLock
{
    /// <summary>Takes the lock, waiting at most <paramref name="wait"/>; a timeout throws, so a triggered invocation is retried.</summary>
    public static Task<BlobLock> AcquireAsync(PccStore store, TimeSpan wait, CancellationToken cancellationToken) =>
        BlobLock.AcquireAsync(store.Locks, "ingest/catalogue", new BlobLockOptions { Duration = TimeSpan.FromSeconds(60), AutoRenew = true }, wait, cancellationToken);

    /// <summary>
    /// The token for the work done under <paramref name="held"/>: it fires when <paramref name="cancellationToken"/> does
    /// or when the lock is lost (its lease broken, or expired and taken), so a holder that lost the lock stops before its
    /// next write instead of writing alongside the new holder. The receipt and the saved plan let the next attempt resume.
    /// </summary>
    public static CancellationTokenSource WhileHeld(BlobLock held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        return CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.LostToken);
    }
}
