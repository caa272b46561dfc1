namespace Pcc.Storage.Blobs.Models;

/// <summary>Optional settings for an upload.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>The blob's content type and other standard HTTP properties.</summary>
    public BlobHttpHeaders? HttpHeaders { get; set; }

    /// <summary>Name/value pairs stored with the blob; names must be valid C# identifiers.</summary>
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Conditions the upload must meet; none means the upload overwrites any existing blob.</summary>
    public BlobRequestConditions? Conditions { get; set; }
}
