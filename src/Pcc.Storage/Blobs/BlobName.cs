namespace Pcc.Storage.Blobs;

/// <summary>
/// Blob names in URLs: each '/'-separated segment is percent-encoded on its own, so nested names keep their
/// slashes while spaces, '#', '?', '%' and non-ASCII characters are escaped. The signed path is the one sent,
/// because both come from the same <see cref="Uri"/>
/// (https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata).
/// </summary>
internal static class BlobName
{
    private const int MaxLength = 1024;

    public static string Escape(string name)
    {
        Validate(name);
        return string.Join('/', name.Split('/').Select(Uri.EscapeDataString));
    }

    private static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, "blobName");
        if (name.Length > MaxLength)
        {
            throw new ArgumentException($"Blob names are at most {MaxLength} characters; '{name[..40]}…' has {name.Length}.", "blobName");
        }

        // URI normalisation would remove "." and ".." segments, so the request would reach a different blob.
        if (name.Split('/').Any(segment => segment is "." or ".."))
        {
            throw new ArgumentException($"The blob name '{name}' has a '.' or '..' path segment, which URLs cannot carry.", "blobName");
        }
    }
}
