namespace Pcc.Storage.Blobs.Models;

/// <summary>Standard HTTP properties stored with a blob and returned when it is read.</summary>
public sealed class BlobHttpHeaders
{
    /// <summary>The MIME type; the service stores <c>application/octet-stream</c> when none is given.</summary>
    public string? ContentType { get; set; }

    /// <summary>The content encoding, e.g. <c>gzip</c>.</summary>
    public string? ContentEncoding { get; set; }

    /// <summary>The natural language of the content.</summary>
    public string? ContentLanguage { get; set; }

    /// <summary>The <c>Cache-Control</c> value returned on reads.</summary>
    public string? CacheControl { get; set; }

    /// <summary>The <c>Content-Disposition</c> value returned on reads.</summary>
    public string? ContentDisposition { get; set; }
}
