using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Pcc.Storage.Blobs.Models;
using Pcc.Storage.Internal;

namespace Pcc.Storage.Blobs;

/// <summary>
/// One block blob: upload, download, properties, metadata and delete. Obtained from
/// <see cref="BlobContainerClient.GetBlobClient"/>; shaped like <c>Azure.Storage.Blobs.BlobClient</c>
/// (https://learn.microsoft.com/rest/api/storageservices/operations-on-blobs).
/// </summary>
public sealed class BlobClient
{
    /// <summary>
    /// The largest upload this client sends, as one Put Blob request. The service accepts up to 5000 MiB in one
    /// request (version 2019-12-12 and later), but a single buffered request of that size is not sensible for this
    /// product's documents; larger content is refused before anything is sent.
    /// </summary>
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    internal BlobClient(BlobContainerClient container, string blobName)
    {
        Uri = new Uri(container.Uri.AbsoluteUri + "/" + BlobName.Escape(blobName));
        Name = blobName;
        BlobContainerName = container.Name;
        Pipeline = container.Pipeline;
    }

    /// <summary>The blob's name within its container.</summary>
    public string Name { get; }

    /// <summary>The name of the container holding the blob.</summary>
    public string BlobContainerName { get; }

    /// <summary>The blob's URI, with the name percent-encoded segment by segment.</summary>
    public Uri Uri { get; }

    internal HttpPipeline Pipeline { get; }

    /// <summary>Uploads <paramref name="content"/>; without <paramref name="overwrite"/> an existing blob is kept and the call fails with 409 BlobAlreadyExists.</summary>
    public Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, new BlobUploadOptions { Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);

    /// <summary>
    /// Uploads <paramref name="content"/> as a block blob in one Put Blob request, replacing any blob of that name
    /// unless <see cref="BlobUploadOptions.Conditions"/> say otherwise (<c>IfNoneMatch = ETag.All</c>: create only,
    /// 409 if it exists; <c>IfMatch</c>: replace only that version, 412 if it changed).
    /// </summary>
    public async Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions? options, CancellationToken cancellationToken = default)
    {
        using var message = CreateUploadRequest(content, options);
        var response = await Pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo(BlobHeaders.ETag(response), BlobHeaders.LastModified(response)), response);
    }

    /// <summary>Downloads the whole blob with its properties.</summary>
    public Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken = default) =>
        DownloadContentAsync(null, cancellationToken);

    /// <summary>Downloads the whole blob if it meets <paramref name="conditions"/> (a failed <c>If-Match</c> is 412, a matching <c>If-None-Match</c> 304).</summary>
    public async Task<Response<BlobDownloadResult>> DownloadContentAsync(BlobRequestConditions? conditions, CancellationToken cancellationToken = default)
    {
        using var message = CreateBlobRequest(RequestMethod.Get, conditions);
        var response = await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var details = new BlobDownloadDetails
        {
            ETag = BlobHeaders.ETag(response),
            LastModified = BlobHeaders.LastModified(response),
            CreatedOn = BlobHeaders.Date(response, "x-ms-creation-time"),
            ContentLength = BlobHeaders.ContentLength(response),
            ContentType = response.Headers.ContentType,
            Metadata = BlobMetadata.Read(response),
            LeaseState = BlobHeaders.Enum<LeaseState>(response, "x-ms-lease-state") ?? LeaseState.Available,
            LeaseStatus = BlobHeaders.Enum<LeaseStatus>(response, "x-ms-lease-status") ?? LeaseStatus.Unlocked,
        };
        return Response.FromValue(new BlobDownloadResult(response.Content, details), response);
    }

    /// <summary>Reads the blob's system properties and metadata.</summary>
    public async Task<Response<BlobProperties>> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateBlobRequest(RequestMethod.Head, conditions);
        var response = await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var properties = new BlobProperties
        {
            ETag = BlobHeaders.ETag(response),
            LastModified = BlobHeaders.LastModified(response),
            CreatedOn = BlobHeaders.Date(response, "x-ms-creation-time"),
            ContentLength = BlobHeaders.ContentLength(response),
            ContentType = response.Headers.ContentType,
            Metadata = BlobMetadata.Read(response),
            LeaseState = BlobHeaders.Enum<LeaseState>(response, "x-ms-lease-state") ?? LeaseState.Available,
            LeaseStatus = BlobHeaders.Enum<LeaseStatus>(response, "x-ms-lease-status") ?? LeaseStatus.Unlocked,
            LeaseDuration = BlobHeaders.Enum<LeaseDurationType>(response, "x-ms-lease-duration"),
        };
        return Response.FromValue(properties, response);
    }

    /// <summary>Whether the blob exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateBlobRequest(RequestMethod.Head, null);
        var response = await Pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>Deletes the blob if it exists and meets <paramref name="conditions"/> (a leased blob needs the lease id); false when there was none.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateBlobRequest(RequestMethod.Delete, conditions);
        var response = await Pipeline.SendAsync(message, cancellationToken, 202, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 202, response);
    }

    /// <summary>Replaces the blob's metadata with <paramref name="metadata"/>; names must be valid C# identifiers.</summary>
    public async Task<Response<BlobInfo>> SetMetadataAsync(IDictionary<string, string> metadata, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        BlobMetadata.Validate(metadata);
        using var message = CreateBlobRequest(RequestMethod.Put, conditions);
        message.Request.Uri.AppendQuery("comp", "metadata");
        BlobMetadata.Write(message.Request, metadata);
        var response = await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(new BlobInfo(BlobHeaders.ETag(response), BlobHeaders.LastModified(response)), response);
    }

    private HttpMessage CreateUploadRequest(BinaryData content, BlobUploadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(content);
        var length = content.ToMemory().Length;
        if (length > MaxUploadBytes)
        {
            throw new ArgumentException(
                $"The content is {length} bytes; this client uploads at most {MaxUploadBytes} bytes (256 MiB) in one request.", nameof(content));
        }

        BlobMetadata.Validate(options?.Metadata);
        var message = CreateBlobRequest(RequestMethod.Put, options?.Conditions);
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        var headers = options?.HttpHeaders;
        request.Headers.SetValue(HttpHeader.Names.ContentType, headers?.ContentType ?? "application/octet-stream");
        SetIfPresent(request, "x-ms-blob-content-encoding", headers?.ContentEncoding);
        SetIfPresent(request, "x-ms-blob-content-language", headers?.ContentLanguage);
        SetIfPresent(request, "x-ms-blob-cache-control", headers?.CacheControl);
        SetIfPresent(request, "x-ms-blob-content-disposition", headers?.ContentDisposition);
        BlobMetadata.Write(request, options?.Metadata);
        request.Content = RequestContent.Create(content);
        return message;
    }

    private HttpMessage CreateBlobRequest(RequestMethod method, BlobRequestConditions? conditions)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(Uri);
        BlobHeaders.WriteConditions(message.Request, conditions);
        return message;
    }

    private static void SetIfPresent(Request request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.SetValue(name, value);
        }
    }
}
