using Azure;
using Azure.Storage.Blobs.Models;

namespace Pcc.LocalHost.Payloads;

/// <summary>A blob version that triggers a function: where it is, its properties, and the path tokens it matched.</summary>
/// <param name="Container">The container.</param>
/// <param name="Name">The blob name.</param>
/// <param name="Uri">The blob's URI.</param>
/// <param name="Properties">The version's properties.</param>
/// <param name="Tokens">Values of the path pattern's <c>{tokens}</c>, such as <c>name</c>.</param>
public sealed record TriggeredBlob(string Container, string Name, Uri Uri, BlobProperties Properties, IReadOnlyDictionary<string, string> Tokens)
{
    /// <summary>The version's ETag, quoted as the service sends it.</summary>
    public ETag ETag => Properties.ETag;

    /// <summary><c>container/name</c>, the <c>BlobTrigger</c> metadata value.</summary>
    public string Path => $"{Container}/{Name}";
}
