using Azure;

namespace Pcc.Storage.Blobs.Models;

/// <summary>
/// Conditions a blob request must meet: the ETag and date conditions of <see cref="RequestConditions"/>
/// (<c>If-Match</c>, <c>If-None-Match</c>, <c>If-Modified-Since</c>, <c>If-Unmodified-Since</c>) and the lease that
/// writes and deletes on a leased blob must name. <c>IfNoneMatch = ETag.All</c> makes an upload create-only.
/// </summary>
public sealed class BlobRequestConditions : RequestConditions
{
    /// <summary>The active lease's id, sent as <c>x-ms-lease-id</c>.</summary>
    public string? LeaseId { get; set; }
}
