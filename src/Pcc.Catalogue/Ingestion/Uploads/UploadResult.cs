namespace Pcc.Catalogue.Ingestion.Uploads;

/// <summary>
/// An upload written to the briefings container (<see cref="Error"/> null), or why nothing was written.
/// <see cref="Slug"/> and <see cref="Etag"/> name the ingest the blob trigger will record for it.
/// </summary>
public sealed record UploadResult(string? BlobName, string? Slug, string? Etag, string? Error)
{
    /// <summary>A refused upload.</summary>
    public static UploadResult Refused(string error) => new(null, null, null, error);
}
