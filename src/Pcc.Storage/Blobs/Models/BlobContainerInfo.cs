using Azure;

namespace Pcc.Storage.Blobs.Models;

/// <summary>What the service reports after creating a container.</summary>
public sealed class BlobContainerInfo
{
    internal BlobContainerInfo(ETag eTag, DateTimeOffset lastModified)
    {
        ETag = eTag;
        LastModified = lastModified;
    }

    /// <summary>The container's ETag.</summary>
    public ETag ETag { get; }

    /// <summary>When the container was created.</summary>
    public DateTimeOffset LastModified { get; }
}
