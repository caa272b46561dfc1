using System.Text.Json;
using Azure;
using Pcc.Storage.Internal;
using Pcc.Storage.Tables.Internal;

namespace Pcc.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>The most entities the service returns in one response.</summary>
    private const int MaxPageSize = 1000;

    /// <summary>
    /// Queries the table's entities, page by page (at most 1,000 per page, or <paramref name="maxPerPage"/>).
    /// Build <paramref name="filter"/> with <see cref="CreateQueryFilter"/> so values are quoted and escaped
    /// (https://learn.microsoft.com/rest/api/storageservices/query-entities).
    /// </summary>
    public AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, $"A page holds 1 to {MaxPageSize} entities.");
        }

        var columns = select?.ToArray();
        return new TableQueryPageable<T>(
            (continuation, pageSize, ct) => GetPageAsync<T>(filter, pageSize, columns, continuation, ct), maxPerPage, cancellationToken);
    }

    private async Task<Page<T>> GetPageAsync<T>(string? filter, int? pageSize, string[]? select, string? continuation, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        using var message = CreateQueryRequest(filter, pageSize is null ? null : Math.Min(pageSize.Value, MaxPageSize), select, continuation);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        using var json = JsonDocument.Parse(response.Content);
        var values = json.RootElement.GetProperty("value").EnumerateArray().Select(EntityJson.Read<T>).ToList();
        return Page<T>.FromValues(values, ContinuationToken.From(response), response);
    }
}
