namespace Pcc.Storage.Blobs.Models;

/// <summary>A blob as a listing reports it.</summary>
public sealed class BlobItem
{
    /// <summary>The blob's name within its container, unescaped.</summary>
    public string Name { get; internal init; } = string.Empty;

    /// <summary>The blob's system properties.</summary>
    public BlobItemProperties Properties { get; internal init; } = new();

    /// <summary>The blob's metadata; empty unless the listing asked for <see cref="BlobTraits.Metadata"/>.</summary>
    public IDictionary<string, string> Metadata { get; internal init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
