using Azure;
using Pcc.LocalHost.Payloads;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pcc.LocalHost.Triggers;

/// <summary>Reads the properties of the blob version a trigger fires for (the worker reads the content itself).</summary>
public static class BlobReader
{
    /// <summary>
    /// The blob's properties, or null when it is gone or (with <paramref name="etag"/>) has changed since it was
    /// listed — the next scan sees the new version.
    /// </summary>
    public static async Task<TriggeredBlob?> ReadAsync(BlobContainerClient container, string blobName, IReadOnlyDictionary<string, string> tokens, ETag? etag, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(blobName);
        try
        {
            var conditions = etag is { } version ? new BlobRequestConditions { IfMatch = version } : null;
            var properties = (await blob.GetPropertiesAsync(conditions, cancellationToken)).Value;
            return new TriggeredBlob(container.Name, blobName, blob.Uri, properties, tokens);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }
}
