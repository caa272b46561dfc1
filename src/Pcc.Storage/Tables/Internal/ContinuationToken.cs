using Azure;

namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// A query's continuation: the service's <c>x-ms-continuation-NextPartitionKey</c> and <c>-NextRowKey</c> headers, sent back
/// as the <c>NextPartitionKey</c> and <c>NextRowKey</c> query parameters
/// (https://learn.microsoft.com/rest/api/storageservices/query-timeout-and-pagination). As a token the two values are
/// joined by a space, which the service's opaque values do not contain.
/// </summary>
internal static class ContinuationToken
{
    public static string? From(Response response)
    {
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partition);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var row);
        return string.IsNullOrEmpty(partition) && string.IsNullOrEmpty(row) ? null : $"{partition} {row}";
    }

    public static (string? NextPartitionKey, string? NextRowKey) Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        var space = token.IndexOf(' ');
        return space < 0 ? (token, null) : (NullIfEmpty(token[..space]), NullIfEmpty(token[(space + 1)..]));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
