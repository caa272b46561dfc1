using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// Blob receipts, as the Functions host keeps them: an empty blob per function and blob version at
/// <c>azure-webjobs-hosts/blobreceipts/{hostId}/{functionId}/{etag}/{container}/{blobName}</c>, the ETag quoted and
/// placed before the blob name because blob names can hold slashes (azure-sdk-for-net,
/// Microsoft.Azure.WebJobs.Extensions.Storage.Blobs <c>BlobReceiptManager</c>). A receipt whose metadata has an
/// <c>Incomplete</c> key is one the host is still working on (<c>BlobReceipt</c>); this host writes receipts only
/// once a version is done with — invoked successfully, or sent to the poison queue.
/// </summary>
public sealed class BlobReceipts(BlobContainerClient hosts, string hostId)
{
    /// <summary>The host's own container.</summary>
    public const string ContainerName = "azure-webjobs-hosts";

    private const string IncompleteKey = "Incomplete";

    /// <summary>The receipt blob's name.</summary>
    public string NameFor(string functionId, string container, string blobName, ETag etag) =>
        $"{Prefix(functionId)}{etag}/{container}/{blobName}";

    /// <summary>Creates the host container when it is missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await hosts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Every completed receipt of a function, as <see cref="Key"/> values: one listing instead of a request per blob.</summary>
    public async Task<HashSet<string>> ListCompletedAsync(string functionId, CancellationToken cancellationToken)
    {
        var prefix = Prefix(functionId);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var receipt in hosts.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            if (!receipt.Metadata.ContainsKey(IncompleteKey))
            {
                var parts = receipt.Name[prefix.Length..].Split('/', 3);
                if (parts.Length == 3)
                {
                    keys.Add(Key(new ETag(parts[0]), parts[1], parts[2]));
                }
            }
        }

        return keys;
    }

    /// <summary>Whether a completed receipt exists for this blob version.</summary>
    public async Task<bool> ExistsAsync(string functionId, string container, string blobName, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await hosts.GetBlobClient(NameFor(functionId, container, blobName, etag)).GetPropertiesAsync(cancellationToken: cancellationToken);
            return !properties.Value.Metadata.ContainsKey(IncompleteKey);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Records that this blob version is done with.</summary>
    public async Task WriteAsync(string functionId, string container, string blobName, ETag etag, CancellationToken cancellationToken) =>
        await hosts.GetBlobClient(NameFor(functionId, container, blobName, etag)).UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);

    /// <summary>Removes the receipt, so the next scan triggers on this version again; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string functionId, string container, string blobName, ETag etag, CancellationToken cancellationToken) =>
        (await hosts.GetBlobClient(NameFor(functionId, container, blobName, etag)).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;

    /// <summary>The ETag in its quoted header form, as receipts name it: a listing gives it bare, a response header quoted.</summary>
    public static ETag Quoted(ETag etag)
    {
        var value = etag.ToString();
        return value.StartsWith('"') || value.StartsWith("W/", StringComparison.Ordinal) ? etag : new ETag($"\"{value}\"");
    }

    /// <summary>The identity of one blob version for one function.</summary>
    public static string Key(ETag etag, string container, string blobName) => $"{etag}/{container}/{blobName}";

    private string Prefix(string functionId) => $"blobreceipts/{hostId}/{functionId}/";
}
