using Azure;

namespace Pcc.Storage.Blobs.Models;

/// <summary>A listed blob's system properties; a value the listing did not carry is null.</summary>
public sealed class BlobItemProperties
{
    /// <summary>The ETag, in the same quoted form that <c>GetPropertiesAsync</c> returns, so the two compare equal.</summary>
    public ETag? ETag { get; internal init; }

    /// <summary>When the blob was last written.</summary>
    public DateTimeOffset? LastModified { get; internal init; }

    /// <summary>When the blob was created.</summary>
    public DateTimeOffset? CreatedOn { get; internal init; }

    /// <summary>The size in bytes.</summary>
    public long? ContentLength { get; internal init; }

    /// <summary>The stored MIME type.</summary>
    public string? ContentType { get; internal init; }

    /// <summary>Whether a lease locks the blob.</summary>
    public LeaseStatus? LeaseStatus { get; internal init; }

    /// <summary>Where the blob is in the lease life cycle.</summary>
    public LeaseState? LeaseState { get; internal init; }
}
