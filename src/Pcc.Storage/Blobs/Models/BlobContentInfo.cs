using Azure;

namespace Pcc.Storage.Blobs.Models;

/// <summary>What the service reports after writing a blob's content.</summary>
public sealed class BlobContentInfo
{
    internal BlobContentInfo(ETag eTag, DateTimeOffset lastModified)
    {
        ETag = eTag;
        LastModified = lastModified;
    }

    /// <summary>The new content's ETag, for later conditional requests.</summary>
    public ETag ETag { get; }

    /// <summary>When the blob was written.</summary>
    public DateTimeOffset LastModified { get; }
}
