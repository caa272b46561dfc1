namespace Pcc.Storage.Blobs.Models;

/// <summary>Extra details a blob listing includes.</summary>
[Flags]
public enum BlobTraits
{
    /// <summary>Names and system properties only.</summary>
    None = 0,
    /// <summary>Each blob's metadata (<c>include=metadata</c>).</summary>
    Metadata = 2,
}
