using Azure;

namespace Pcc.Storage.Blobs.Models;

/// <summary>A blob's system properties and metadata, from Get Blob Properties.</summary>
public sealed class BlobProperties
{
    /// <summary>The current ETag.</summary>
    public ETag ETag { get; internal init; }

    /// <summary>When the blob was last written.</summary>
    public DateTimeOffset LastModified { get; internal init; }

    /// <summary>When the blob was created.</summary>
    public DateTimeOffset CreatedOn { get; internal init; }

    /// <summary>The size in bytes.</summary>
    public long ContentLength { get; internal init; }

    /// <summary>The stored MIME type.</summary>
    public string? ContentType { get; internal init; }

    /// <summary>The metadata, from the <c>x-ms-meta-*</c> headers; names compare case-insensitively.</summary>
    public IDictionary<string, string> Metadata { get; internal init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the blob is in the lease life cycle.</summary>
    public LeaseState LeaseState { get; internal init; }

    /// <summary>Whether a lease locks the blob.</summary>
    public LeaseStatus LeaseStatus { get; internal init; }

    /// <summary>For a leased blob, whether the lease is fixed or infinite.</summary>
    public LeaseDurationType? LeaseDuration { get; internal init; }
}
