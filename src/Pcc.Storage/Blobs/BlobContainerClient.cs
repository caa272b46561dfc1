using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Pcc.Storage.Blobs.Models;
using Pcc.Storage.Internal;

namespace Pcc.Storage.Blobs;

/// <summary>
/// A blob container: create, delete, list its blobs, and hand out <see cref="BlobClient"/>s that share this
/// client's pipeline. Shaped like <c>Azure.Storage.Blobs.BlobContainerClient</c>
/// (https://learn.microsoft.com/rest/api/storageservices/operations-on-containers).
/// </summary>
public sealed class BlobContainerClient
{
    /// <summary>Creates a client for the container at <paramref name="containerUri"/>, signing with the account key.</summary>
    public BlobContainerClient(Uri containerUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
        : this(containerUri, StoragePipeline.SharedKey(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    /// <summary>Creates a client for the container at <paramref name="containerUri"/>, authorised by a Microsoft Entra identity.</summary>
    public BlobContainerClient(Uri containerUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(containerUri, StoragePipeline.Token(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    /// <summary>Creates a client for container <paramref name="blobContainerName"/> of the account a connection string names.</summary>
    public BlobContainerClient(string connectionString, string blobContainerName, BlobClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), blobContainerName, options)
    {
    }

    private BlobContainerClient(StorageConnectionString connection, string blobContainerName, BlobClientOptions? options)
        : this(ForEndpoint(connection.BlobEndpoint, blobContainerName), StoragePipeline.SharedKey(connection.Credential), options)
    {
    }

    private BlobContainerClient(Uri containerUri, HttpPipelinePolicy authentication, BlobClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        options ??= new BlobClientOptions();
        Uri = new Uri(containerUri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        Name = Uri.UnescapeDataString(Uri.AbsolutePath.Split('/')[^1]);
        if (Name.Length == 0)
        {
            throw new ArgumentException($"The URI '{containerUri}' does not name a container.", nameof(containerUri));
        }

        Pipeline = StoragePipeline.Build(options, options.Version, authentication);
    }

    /// <summary>The container's name.</summary>
    public string Name { get; }

    /// <summary>The container's URI.</summary>
    public Uri Uri { get; }

    internal HttpPipeline Pipeline { get; }

    /// <summary>Creates the container unless it exists; returns null when it already existed.</summary>
    public async Task<Response<BlobContainerInfo>?> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateContainerRequest(RequestMethod.Put);
        BlobMetadata.Write(message.Request, metadata);
        try
        {
            var response = await Pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
            return Response.FromValue(new BlobContainerInfo(BlobHeaders.ETag(response), BlobHeaders.LastModified(response)), response);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == "ContainerAlreadyExists")
        {
            return null;
        }
    }

    /// <summary>Deletes the container and every blob in it; false when there was none.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateContainerRequest(RequestMethod.Delete);
        BlobHeaders.WriteConditions(message.Request, conditions);
        var response = await Pipeline.SendAsync(message, cancellationToken, 202, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 202, response);
    }

    /// <summary>Whether the container exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateContainerRequest(RequestMethod.Head);
        var response = await Pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>A client for the blob <paramref name="blobName"/> in this container; nested names such as <c>a/b/c.txt</c> keep their slashes.</summary>
    public BlobClient GetBlobClient(string blobName) => new(this, blobName);

    /// <summary>
    /// Lists the container's blobs whose names start with <paramref name="prefix"/>, in name order, one request per
    /// page. Choose the page size with <c>AsPages(continuationToken, pageSizeHint)</c> (the service caps it at 5000).
    /// </summary>
    public AsyncPageable<BlobItem> GetBlobsAsync(BlobTraits traits = BlobTraits.None, string? prefix = null, CancellationToken cancellationToken = default) =>
        new ContinuationPageable<BlobItem>((marker, pageSize, ct) => GetBlobsPageAsync(traits, prefix, marker, pageSize, ct), cancellationToken);

    internal static Uri ForEndpoint(Uri blobEndpoint, string blobContainerName)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        return new Uri(blobEndpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + Uri.EscapeDataString(blobContainerName));
    }

    private async Task<Page<BlobItem>> GetBlobsPageAsync(BlobTraits traits, string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        using var message = CreateListBlobsRequest(traits, prefix, marker, pageSize);
        var response = await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var (items, nextMarker) = BlobListParser.Parse(response.ContentStream ?? Stream.Null);
        return Page<BlobItem>.FromValues(items, nextMarker, response);
    }

    private HttpMessage CreateListBlobsRequest(BlobTraits traits, string? prefix, string? marker, int? pageSize)
    {
        if (pageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "The page size must be positive.");
        }

        var message = CreateContainerRequest(RequestMethod.Get);
        var uri = message.Request.Uri;
        uri.AppendQuery("comp", "list");
        if (!string.IsNullOrEmpty(prefix))
        {
            uri.AppendQuery("prefix", prefix);
        }

        if (!string.IsNullOrEmpty(marker))
        {
            uri.AppendQuery("marker", marker);
        }

        if (pageSize is { } size)
        {
            uri.AppendQuery("maxresults", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (traits.HasFlag(BlobTraits.Metadata))
        {
            uri.AppendQuery("include", "metadata");
        }

        return message;
    }

    private HttpMessage CreateContainerRequest(RequestMethod method)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        return message;
    }
}
