using Azure.Core;

namespace Pcc.Storage.Blobs;

/// <summary>Options for blob clients: retries, transport and logging come from <see cref="ClientOptions"/>.</summary>
public sealed class BlobClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c>; one that both Azure and Azurite accept.</summary>
    public string Version { get; set; } = "2021-12-02";
}
