namespace Pcc.Storage.Blobs.Models;

/// <summary>Where a blob or container is in the lease life cycle (<c>x-ms-lease-state</c>).</summary>
public enum LeaseState
{
    /// <summary>No lease; one can be acquired.</summary>
    Available,
    /// <summary>Leased; writes and deletes need the lease id.</summary>
    Leased,
    /// <summary>The lease ran out; a new one can be acquired.</summary>
    Expired,
    /// <summary>The lease was broken and its break period is running.</summary>
    Breaking,
    /// <summary>The lease was broken; a new one can be acquired.</summary>
    Broken,
}
