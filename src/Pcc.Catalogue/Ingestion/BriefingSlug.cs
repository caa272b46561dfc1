using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// A briefing's identity across versions comes from its blob name: lower-cased, extension dropped, accents and
/// ligatures transliterated to ASCII, any other character than a-z and 0-9 turned into <c>-</c> (runs collapsed, none
/// at the ends). A name that loses letters or digits on the way (another script: <c>日本語のブリーフィング.md</c>, or
/// none at all: <c>..md</c>), or is longer than <see cref="MaxLength"/>, gets a short hash of the name's stem appended,
/// so different names never share a slug. The slug is a table key, a blob path segment and a URL segment.
/// </summary>
public static class BriefingSlug
{
    /// <summary>The longest slug: far inside the 1 KiB key limit, and short enough to read in a URL.</summary>
    public const int MaxLength = 80;

    private const int HashLength = 10;

    // Letters that Unicode decomposition does not reduce to ASCII but readers expect transliterated.
    private static readonly Dictionary<char, string> s_special = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ı'] = "i",
    };

    /// <summary>The slug of a blob name, e.g. <c>2026/Public Safety.pdf</c> → <c>2026-public-safety</c>.</summary>
    public static string FromBlobName(string blobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var stem = Stem(blobName);
        var (slug, lossy) = Transliterate(stem);
        if (!lossy && slug.Length is > 0 and <= MaxLength)
        {
            return slug;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stem.ToLowerInvariant())))[..HashLength];
        var head = slug.Length > MaxLength - HashLength - 1 ? slug[..(MaxLength - HashLength - 1)].TrimEnd('-') : slug;
        return head.Length > 0 ? $"{head}-{hash}" : $"briefing-{hash}";
    }

    /// <summary>Whether <paramref name="value"/> could be a slug (a-z, 0-9 and inner <c>-</c>, at most <see cref="MaxLength"/>): API keys are checked with it before any storage call.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value[0] != '-' && value[^1] != '-' && value.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    private static string Stem(string blobName)
    {
        var dot = blobName.LastIndexOf('.');
        var slash = blobName.LastIndexOf('/');
        return dot > slash + 1 ? blobName[..dot] : blobName;
    }

    private static (string Slug, bool Lossy) Transliterate(string stem)
    {
        var builder = new StringBuilder(stem.Length);
        var lossy = false;
        foreach (var c in stem.ToLowerInvariant().Normalize(NormalizationForm.FormKD))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (s_special.TryGetValue(c, out var ascii))
            {
                builder.Append(ascii);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // The accent of a decomposed letter: the letter itself was kept.
            }
            else
            {
                lossy |= char.IsLetterOrDigit(c) || char.IsSurrogate(c);
                if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
        }

        return (builder.ToString().TrimEnd('-'), lossy);
    }
}
