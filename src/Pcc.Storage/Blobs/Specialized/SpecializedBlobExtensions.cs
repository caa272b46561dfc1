namespace Pcc.Storage.Blobs.Specialized;

/// <summary>Lease clients for blobs and containers, as in <c>Azure.Storage.Blobs.Specialized</c>.</summary>
public static class SpecializedBlobExtensions
{
    /// <summary>A lease client for the blob; <paramref name="leaseId"/> defaults to a new GUID.</summary>
    public static BlobLeaseClient GetBlobLeaseClient(this BlobClient client, string? leaseId = null) => new(client, leaseId);

    /// <summary>A lease client for the container; <paramref name="leaseId"/> defaults to a new GUID.</summary>
    public static BlobLeaseClient GetBlobLeaseClient(this BlobContainerClient client, string? leaseId = null) => new(client, leaseId);
}
