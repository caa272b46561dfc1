namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// The blob version being ingested, with the version number and timestamp fixed by its receipt, and what the editor
/// said of it on upload (<see cref="Uploads.UploadNote"/>): a change note, whether it only makes corrections, and
/// whether it only checks a deployment.
/// </summary>
public sealed record IngestionTarget(string BlobName, string Slug, string Etag, int Version, DateTimeOffset IngestedAt, string? ChangeNote = null, bool EditorialOnly = false, bool DeploymentCheck = false);
