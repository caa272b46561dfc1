using Azure;

namespace Pcc.Storage.Blobs.Models;

/// <summary>What the service reports after a lease is released.</summary>
public sealed class ReleasedObjectInfo
{
    internal ReleasedObjectInfo(ETag eTag, DateTimeOffset lastModified)
    {
        ETag = eTag;
        LastModified = lastModified;
    }

    /// <summary>The resource's ETag.</summary>
    public ETag ETag { get; }

    /// <summary>When the resource was last written.</summary>
    public DateTimeOffset LastModified { get; }
}
