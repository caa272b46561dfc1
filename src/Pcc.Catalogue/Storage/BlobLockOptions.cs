namespace Pcc.Catalogue.Storage;

/// <summary>How a <see cref="BlobLock"/> is held.</summary>
public sealed class BlobLockOptions
{
    /// <summary>The lease duration: 15 to 60 seconds, or infinite (<c>BlobLeaseClient.InfiniteLeaseDuration</c>). Default 30 s.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the lock renews its lease in the background, every third of <see cref="Duration"/>, until disposed.</summary>
    public bool AutoRenew { get; set; }

    /// <summary>The clock the renewal loop waits on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
