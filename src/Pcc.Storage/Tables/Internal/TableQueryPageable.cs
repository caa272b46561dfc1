using Azure;

namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// Query results page by page, following the service's continuation (<c>x-ms-continuation-NextPartitionKey</c> and
/// <c>-NextRowKey</c>, https://learn.microsoft.com/rest/api/storageservices/query-timeout-and-pagination).
/// A continuation token is the two values joined by a space.
/// </summary>
internal sealed class TableQueryPageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> getPage, int? maxPerPage, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            var page = await getPage(continuationToken, pageSizeHint ?? maxPerPage, CancellationToken).ConfigureAwait(false);
            continuationToken = page.ContinuationToken;
            yield return page;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }

    public static string? ToToken(Response response)
    {
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partition);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var row);
        return string.IsNullOrEmpty(partition) && string.IsNullOrEmpty(row) ? null : $"{partition} {row}";
    }

    public static (string? NextPartitionKey, string? NextRowKey) FromToken(string? token)
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
