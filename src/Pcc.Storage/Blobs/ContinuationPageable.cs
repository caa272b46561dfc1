using Azure;

namespace Pcc.Storage.Blobs;

/// <summary>Pages fetched one request at a time, each naming the continuation token (marker) for the next.</summary>
internal sealed class ContinuationPageable<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken) where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            var page = await fetchPage(continuationToken, pageSizeHint, CancellationToken).ConfigureAwait(false);
            yield return page;
            continuationToken = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }
}
