using Azure;

namespace Pcc.Storage.Blobs.Models;

/// <summary>A lease as the service reports it after acquire, renew or break.</summary>
public sealed class BlobLease
{
    /// <summary>The leased resource's ETag.</summary>
    public ETag ETag { get; internal init; }

    /// <summary>When the leased resource was last written.</summary>
    public DateTimeOffset LastModified { get; internal init; }

    /// <summary>The lease id; null after a break.</summary>
    public string? LeaseId { get; internal init; }

    /// <summary>After a break, the seconds left until the lease is broken.</summary>
    public int? LeaseTime { get; internal init; }
}
