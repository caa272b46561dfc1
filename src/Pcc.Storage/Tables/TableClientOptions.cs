using Azure.Core;

namespace Pcc.Storage.Tables;

/// <summary>Options for table clients: retries, transport and logging come from <see cref="ClientOptions"/>.</summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c>; Azurite rejects versions newer than its baseline.</summary>
    public string Version { get; set; } = "2020-12-06";
}
