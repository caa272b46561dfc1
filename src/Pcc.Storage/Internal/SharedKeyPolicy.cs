using System.Globalization;
using System.Text;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pcc.Storage.Internal;

/// <summary>
/// Signs blob and queue requests with Shared Key, following "Authorize with Shared Key"
/// (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key), version 2009-09-19 and later.
/// Runs once per attempt so each retry carries a fresh <c>x-ms-date</c>.
/// </summary>
internal sealed class SharedKeyPolicy(StorageSharedKeyCredential credential, TimeProvider? timeProvider = null) : HttpPipelineSynchronousPolicy
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-date", _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        var signature = credential.ComputeHmacSha256(BuildStringToSign(message.Request, credential.AccountName));
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKey {credential.AccountName}:{signature}");
    }

    internal static string BuildStringToSign(Request request, string accountName)
    {
        // Content-Length is empty, not "0", for an empty body (version 2015-02-21 and later).
        var contentLength = request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty;

        var builder = new StringBuilder();
        builder.Append(request.Method.Method).Append('\n');
        builder.Append(Header(request, "Content-Encoding")).Append('\n');
        builder.Append(Header(request, "Content-Language")).Append('\n');
        builder.Append(contentLength).Append('\n');
        builder.Append(Header(request, "Content-MD5")).Append('\n');
        builder.Append(Header(request, "Content-Type")).Append('\n');
        builder.Append('\n'); // Date: x-ms-date is always sent, so the Date slot stays empty.
        builder.Append(Header(request, "If-Modified-Since")).Append('\n');
        builder.Append(Header(request, "If-Match")).Append('\n');
        builder.Append(Header(request, "If-None-Match")).Append('\n');
        builder.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        builder.Append(Header(request, "Range")).Append('\n');
        AppendCanonicalizedHeaders(builder, request);
        AppendCanonicalizedResource(builder, request.Uri.ToUri(), accountName);
        return builder.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    private static void AppendCanonicalizedHeaders(StringBuilder builder, Request request)
    {
        var headers = request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder builder, Uri uri, string accountName)
    {
        // "/account" followed by the encoded path; with path-style (emulator) URLs the path starts with the account again.
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");

        var query = HttpUtility.ParseQueryString(uri.Query);
        var parameters = query.AllKeys
            .Where(k => k is not null)
            .Select(k => (Name: k!.ToLowerInvariant(), Values: query.GetValues(k)!.OrderBy(v => v, StringComparer.Ordinal)))
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, values) in parameters)
        {
            builder.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        }
    }
}
