namespace Pcc.Catalogue.Ingestion;

/// <summary>The blob version being ingested, with the version number and timestamp fixed by its receipt.</summary>
public sealed record IngestionTarget(string BlobName, string Slug, string Etag, int Version, DateTimeOffset IngestedAt);
