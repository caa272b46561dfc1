using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Pcc.Catalogue.Storage;

/// <summary>
/// A distributed lock: a lease on a small blob (the SDK has leases, not locks built on them). Whoever holds the lease
/// holds the lock; a crashed holder's lock frees itself when the lease runs out (15–60 s), so hold it with
/// <see cref="BlobLockOptions.AutoRenew"/> or <see cref="RenewAsync"/> for longer work. Disposing releases it.
/// </summary>
public sealed class BlobLock : IAsyncDisposable
{
    private const int Attempts = 3;

    private readonly BlobLeaseClient _lease;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewing;
    private int _disposed;

    private BlobLock(BlobLeaseClient lease, BlobLockOptions options)
    {
        _lease = lease;
        _renewing = options.AutoRenew && options.Duration != BlobLeaseClient.InfiniteLeaseDuration
            ? RenewUntilStoppedAsync(options.Duration / 3, options.TimeProvider)
            : Task.CompletedTask;
    }

    /// <summary>The lease id that proves this holder has the lock; writes to the lock blob need it.</summary>
    public string LeaseId => _lease.LeaseId;

    /// <summary>The lock blob's URI.</summary>
    public Uri Uri => _lease.Uri;

    /// <summary>Cancelled when automatic renewal finds the lease taken or gone, i.e. the lock is no longer held.</summary>
    public CancellationToken LostToken => _lost.Token;

    /// <summary>Tries to take the lock named <paramref name="name"/>; null when another holder has it.</summary>
    public static Task<BlobLock?> TryAcquireAsync(BlobContainerClient container, string name, TimeSpan duration, CancellationToken cancellationToken = default) =>
        TryAcquireAsync(container, name, new BlobLockOptions { Duration = duration }, cancellationToken);

    /// <summary>
    /// Tries to take the lock named <paramref name="name"/>: acquires the lock blob's lease, and only when the blob (or
    /// the container) is missing creates it, create-only so racing holders never overwrite each other, and tries again.
    /// Null when another holder has it.
    /// </summary>
    public static async Task<BlobLock?> TryAcquireAsync(BlobContainerClient container, string name, BlobLockOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(options);
        var blob = container.GetBlobClient(name);
        var lease = blob.GetBlobLeaseClient();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await lease.AcquireAsync(options.Duration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new BlobLock(lease, options);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // LeaseAlreadyPresent, or a lease still breaking: someone else holds the lock.
                return null;
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && attempt < Attempts)
            {
                // The lock blob does not exist yet (or was deleted): create it, then lease it.
                await EnsureLockBlobAsync(container, blob, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Takes the lock named <paramref name="name"/>, waiting for another holder to release it (polling after 50 ms,
    /// then twice as long each time up to every half second, with <see cref="BlobLockOptions.TimeProvider"/>'s clock)
    /// for at most <paramref name="wait"/>; then throws <see cref="TimeoutException"/>. A lock held for a moment more,
    /// as by the ingest just before, is taken within about as long; a long wait polls no more often than before.
    /// <paramref name="cancellationToken"/> stops the waiting; a lease request already sent is let finish, and a lock
    /// it took is returned to the caller even then, so the caller can give it back.
    /// </summary>
    public static async Task<BlobLock> AcquireAsync(BlobContainerClient container, string name, BlobLockOptions options, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var deadline = options.TimeProvider.GetUtcNow() + wait;
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            // Cancellation stops the wait, not a lease request in flight: one cancelled after the service granted it
            // would leave the lock taken, with no holder to give it back, for a whole lease.
            cancellationToken.ThrowIfCancellationRequested();
            if (await TryAcquireAsync(container, name, options, CancellationToken.None).ConfigureAwait(false) is { } acquired)
            {
                return acquired;
            }

            if (options.TimeProvider.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"The lock '{name}' in {container.Name} was held by someone else for over {wait}.");
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
        }
    }

    /// <summary>Restarts the lease's clock; throws <see cref="RequestFailedException"/> (409) if the lock was lost.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken = default) =>
        await _lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Stops renewing and releases the lock; a lock already lost is not an error.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        try
        {
            await _lease.ReleaseAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // Broken, expired and re-acquired by someone else, or deleted: nothing of ours to release.
        }

        _stopRenewing.Dispose();
    }

    private static async Task EnsureLockBlobAsync(BlobContainerClient container, BlobClient blob, CancellationToken cancellationToken)
    {
        var createOnly = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        try
        {
            await blob.UploadAsync(BinaryData.Empty, createOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // It exists already (412 when it exists and is leased).
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == "ContainerNotFound")
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await EnsureLockBlobAsync(container, blob, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RenewUntilStoppedAsync(TimeSpan interval, TimeProvider time)
    {
        var stop = _stopRenewing.Token;
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, stop).ConfigureAwait(false);
                try
                {
                    await _lease.RenewAsync(cancellationToken: stop).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
                {
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failure that outlasted the pipeline's retries; the lease still has two intervals left, so try again.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
