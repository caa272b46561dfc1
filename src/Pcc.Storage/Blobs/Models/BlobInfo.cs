using Azure;

namespace Pcc.Storage.Blobs.Models;

/// <summary>What the service reports after changing a blob's metadata or properties.</summary>
public sealed class BlobInfo
{
    internal BlobInfo(ETag eTag, DateTimeOffset lastModified)
    {
        ETag = eTag;
        LastModified = lastModified;
    }

    /// <summary>The blob's ETag after the change.</summary>
    public ETag ETag { get; }

    /// <summary>When the blob was changed.</summary>
    public DateTimeOffset LastModified { get; }
}
