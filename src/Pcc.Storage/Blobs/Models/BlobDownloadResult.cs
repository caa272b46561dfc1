namespace Pcc.Storage.Blobs.Models;

/// <summary>A blob's whole content with its properties.</summary>
public sealed class BlobDownloadResult
{
    internal BlobDownloadResult(BinaryData content, BlobDownloadDetails details)
    {
        Content = content;
        Details = details;
    }

    /// <summary>The content.</summary>
    public BinaryData Content { get; }

    /// <summary>The properties returned with the content.</summary>
    public BlobDownloadDetails Details { get; }
}
