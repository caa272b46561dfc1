using Azure;

namespace Pcc.Storage.Tables.Internal;

/// <summary>Query results page by page, each page asking for the next with the previous page's <see cref="ContinuationToken"/>.</summary>
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
}
