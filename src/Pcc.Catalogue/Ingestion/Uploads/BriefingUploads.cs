using System.Text;
using Pcc.Briefings.Reading;
using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;

namespace Pcc.Catalogue.Ingestion.Uploads;

/// <summary>
/// Editors' uploads from the browser. The file is written to the briefings container under its own name, and the
/// blob trigger ingests it like any other upload; an upload with the name of an earlier one is that briefing's next
/// version. Only what cannot be a briefing at all (nothing, or too big) is refused here: a document that cannot be
/// read is stored, and its ingest report says why.
/// </summary>
public sealed class BriefingUploads(PccStore store, ReaderLimits limits)
{
    /// <summary>Stores <paramref name="content"/> as the briefing <paramref name="fileName"/>, with the editor's <paramref name="note"/> in its metadata.</summary>
    public async Task<UploadResult> UploadAsync(string? fileName, Stream content, long length, UploadNote? note, CancellationToken cancellationToken)
    {
        var name = BlobNameFor(fileName);
        if (name is null)
        {
            return UploadResult.Refused("Choose a briefing file to upload.");
        }

        if (length <= 0)
        {
            return UploadResult.Refused($"{name} is empty.");
        }

        if (length > limits.MaxDocumentBytes)
        {
            return UploadResult.Refused($"{name} is {length / 1024 / 1024} MB; briefings up to {limits.MaxDocumentBytes / 1024 / 1024} MB can be read.");
        }

        await store.EnsureCreatedAsync(cancellationToken);
        var options = new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = (note ?? UploadNote.None).ToMetadata() };
        var info = (await store.BriefingBlobs.GetBlobClient(name).UploadAsync(await BinaryData.FromStreamAsync(content, cancellationToken), options, cancellationToken)).Value;
        return new UploadResult(name, BriefingSlug.FromBlobName(name), IngestionPaths.Sanitise(info.ETag.ToString()), null);
    }

    /// <summary>Whether <paramref name="blobName"/> is an upload of briefing <paramref name="slug"/> whose current version has <paramref name="etag"/>.</summary>
    public async Task<bool> IsCurrentAsync(string? blobName, string slug, string etag, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(blobName) || BlobNameFor(blobName) != blobName || BriefingSlug.FromBlobName(blobName) != slug)
        {
            return false;
        }

        await store.EnsureCreatedAsync(cancellationToken);
        try
        {
            var properties = (await store.BriefingBlobs.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return IngestionPaths.Sanitise(properties.ETag.ToString()) == etag;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// The blob name for an uploaded file: its name without any folder part, with characters other than letters,
    /// digits, '.', '-' and '_' made '-'; null when nothing is left.
    /// </summary>
    public static string? BlobNameFor(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-');
        }

        var result = safe.ToString().Trim('.', '-');
        return result.Length == 0 ? null : result.Length > 200 ? result[^200..] : result;
    }
}
