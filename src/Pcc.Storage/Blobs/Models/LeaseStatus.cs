namespace Pcc.Storage.Blobs.Models;

/// <summary>Whether a blob or container is locked by a lease (<c>x-ms-lease-status</c>).</summary>
public enum LeaseStatus
{
    /// <summary>A lease holds it.</summary>
    Locked,
    /// <summary>No lease holds it.</summary>
    Unlocked,
}
