using System.Text;

namespace Pcc.Functions.Ingestion;

/// <summary>
/// A briefing's identity across versions comes from its blob name: lower-cased, extension dropped, any other
/// character than a-z and 0-9 turned into <c>-</c> (runs collapsed, none at the ends).
/// </summary>
public static class BriefingSlug
{
    /// <summary>The slug of a blob name, e.g. <c>2026/Public Safety.pdf</c> → <c>2026-public-safety</c>.</summary>
    public static string FromBlobName(string blobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var dot = blobName.LastIndexOf('.');
        var slash = blobName.LastIndexOf('/');
        var stem = dot > slash + 1 ? blobName[..dot] : blobName;

        var builder = new StringBuilder(stem.Length);
        foreach (var c in stem.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().TrimEnd('-');
        return slug.Length > 0 ? slug : "briefing";
    }
}
