using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// The one lock every change to the catalogue takes (an ingest, confirming a held version, settling an abandoned
/// ingest): a case study can appear in several briefings, and the catalogue row they share is read, merged and
/// written back. A holder that dies loses the lock when its lease runs out (a minute).
/// </summary>
public static class CatalogueLock
{
    /// <summary>Takes the lock, waiting at most <paramref name="wait"/>; a timeout throws, so a triggered invocation is retried.</summary>
    public static Task<BlobLock> AcquireAsync(PccStore store, TimeSpan wait, CancellationToken cancellationToken) =>
        BlobLock.AcquireAsync(store.Locks, "ingest/catalogue", new BlobLockOptions { Duration = TimeSpan.FromSeconds(60), AutoRenew = true }, wait, cancellationToken);
}
