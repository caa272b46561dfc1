using System.Globalization;
using Azure;
using Azure.Core;
using Pcc.Storage.Blobs.Models;

namespace Pcc.Storage.Blobs;

/// <summary>Reads and writes the standard headers blob requests and responses share.</summary>
internal static class BlobHeaders
{
    public static void WriteConditions(Request request, RequestConditions? conditions, string? leaseId = null)
    {
        if (conditions?.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfMatch, HeaderValue(ifMatch));
        }

        if (conditions?.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfNoneMatch, HeaderValue(ifNoneMatch));
        }

        if (conditions?.IfModifiedSince is { } modifiedSince)
        {
            request.Headers.SetValue(HttpHeader.Names.IfModifiedSince, modifiedSince.ToString("R", CultureInfo.InvariantCulture));
        }

        if (conditions?.IfUnmodifiedSince is { } unmodifiedSince)
        {
            request.Headers.SetValue(HttpHeader.Names.IfUnmodifiedSince, unmodifiedSince.ToString("R", CultureInfo.InvariantCulture));
        }

        leaseId ??= (conditions as BlobRequestConditions)?.LeaseId;
        if (!string.IsNullOrEmpty(leaseId))
        {
            request.Headers.SetValue("x-ms-lease-id", leaseId);
        }
    }

    /// <summary>An ETag in its quoted header form; listings return it bare, headers quoted.</summary>
    public static ETag Quoted(string value) =>
        value == "*" || value.StartsWith('"') || value.StartsWith("W/", StringComparison.Ordinal) ? new ETag(value) : new ETag($"\"{value}\"");

    public static ETag ETag(Response response) =>
        response.Headers.TryGetValue(HttpHeader.Names.ETag, out var value) ? Quoted(value) : default;

    public static DateTimeOffset LastModified(Response response) => Date(response, "Last-Modified");

    public static DateTimeOffset Date(Response response, string name) => Date(response, name, out var value) ? value : default;

    public static bool Date(Response response, string name, out DateTimeOffset value)
    {
        value = default;
        return response.Headers.TryGetValue(name, out var text) && TryParseDate(text, out value);
    }

    public static bool TryParseDate(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    public static long ContentLength(Response response) =>
        response.Headers.TryGetValue(HttpHeader.Names.ContentLength, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var length) ? length : 0;

    public static T? Enum<T>(Response response, string name) where T : struct, System.Enum =>
        response.Headers.TryGetValue(name, out var text) ? ParseEnum<T>(text) : null;

    public static T? ParseEnum<T>(string? text) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value : null;

    private static string HeaderValue(ETag eTag) => Quoted(eTag.ToString()).ToString();
}
