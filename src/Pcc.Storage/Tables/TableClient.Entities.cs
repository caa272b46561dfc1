using System.Text.Json;
using Azure;
using Pcc.Storage.Internal;
using Pcc.Storage.Tables.Internal;

namespace Pcc.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>
    /// Inserts an entity; an existing entity with the same keys fails with status 409
    /// (https://learn.microsoft.com/rest/api/storageservices/insert-entity).
    /// </summary>
    public async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        using var message = CreateAddEntityRequest(EntityPayload.From(entity));
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts the entity, or merges into / replaces the existing one regardless of its version
    /// (https://learn.microsoft.com/rest/api/storageservices/insert-or-merge-entity, .../insert-or-replace-entity).
    /// </summary>
    public async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        using var message = CreateUpsertEntityRequest(EntityPayload.From(entity), mode);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>
    /// Merges into or replaces an existing entity if its version is still <paramref name="ifMatch"/> (<see cref="ETag.All"/>:
    /// any version); a changed entity fails with 412, a missing one with 404
    /// (https://learn.microsoft.com/rest/api/storageservices/merge-entity, .../update-entity2).
    /// </summary>
    public async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the entity's ETag, or ETag.All to update whatever version is stored.", nameof(ifMatch));
        }

        using var message = CreateUpdateEntityRequest(EntityPayload.From(entity), ifMatch, mode);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes an entity if its version is still <paramref name="ifMatch"/> (default: any version); a missing entity is fine,
    /// a changed one fails with 412 (https://learn.microsoft.com/rest/api/storageservices/delete-entity1).
    /// </summary>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = CreateDeleteEntityRequest(partitionKey, rowKey, ifMatch);
        return await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one entity, optionally only the <paramref name="select"/>ed properties; a missing entity fails with 404
    /// (https://learn.microsoft.com/rest/api/storageservices/query-entities).
    /// </summary>
    public async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        using var message = CreateGetEntityRequest(partitionKey, rowKey, select);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(ReadEntity<T>(response), response);
    }

    /// <summary>Reads one entity if it exists; a missing entity gives a response without a value.</summary>
    public async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        using var message = CreateGetEntityRequest(partitionKey, rowKey, select);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        return response.Status == 404 ? new NoValueResponse<T>(response) : Response.FromValue(ReadEntity<T>(response), response);
    }

    private static T ReadEntity<T>(Response response) where T : class, ITableEntity, new()
    {
        using var json = JsonDocument.Parse(response.Content);
        return EntityJson.Read<T>(json.RootElement);
    }
}
