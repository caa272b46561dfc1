using Azure.Core;

namespace Pcc.Storage.Queues;

/// <summary>Options for queue clients: retries, transport and logging come from <see cref="ClientOptions"/>.</summary>
public sealed class QueueClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c>; one that both Azure and Azurite accept.</summary>
    public string Version { get; set; } = "2021-12-02";

    /// <summary>
    /// How message text is put on the wire. Base64 is what the Functions host writes and expects,
    /// so it is the default here (the official SDK defaults to none).
    /// </summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
