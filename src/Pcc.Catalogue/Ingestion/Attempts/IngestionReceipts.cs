using Azure;
using Azure.Data.Tables;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion.Attempts;

/// <summary>
/// Changes to ingest receipts (table <c>Ingestions</c>), each a read-modify-write guarded by the row's ETag and
/// repeated when another writer got there first: attempts of the same blob version count themselves before taking
/// the catalogue lock, so two writers can meet on one receipt.
/// </summary>
public sealed class IngestionReceipts(PccStore store)
{
    private const int MaxRaces = 10;

    /// <summary>The receipt of one blob version; null when there is none.</summary>
    public async Task<IngestionEntity?> GetAsync(string slug, string etag, CancellationToken cancellationToken) =>
        (await store.Ingestions.GetEntityIfExistsAsync<IngestionEntity>(slug, etag, cancellationToken: cancellationToken)).ValueOrDefault();

    /// <summary>
    /// Stores <paramref name="receipt"/> if the blob version has none yet, and returns it with its ETag; null when a
    /// receipt already exists (the caller reads it). The first attempt at a version so writes once instead of reading first.
    /// </summary>
    public async Task<IngestionEntity?> TryAddAsync(IngestionEntity receipt, CancellationToken cancellationToken)
    {
        try
        {
            var written = await store.Ingestions.AddEntityAsync(receipt, cancellationToken);
            receipt.ETag = written.Headers.ETag ?? receipt.ETag;
            return receipt;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the receipt (created from <paramref name="create"/> when missing) and stores
    /// it; returns the stored receipt.
    /// </summary>
    public Task<IngestionEntity> UpdateAsync(string slug, string etag, Func<IngestionEntity>? create, Action<IngestionEntity> change, CancellationToken cancellationToken) =>
        UpdateAsync(slug, etag, create, change, read: null, cancellationToken);

    /// <summary>
    /// As <see cref="UpdateAsync(string, string, Func{IngestionEntity}?, Action{IngestionEntity}, CancellationToken)"/>,
    /// starting from <paramref name="read"/>, the receipt as the caller last read or wrote it (<c>(null)</c> when it was
    /// missing), which saves reading it again: the write is guarded by that copy's ETag (or by the row's absence), so a
    /// copy that is no longer current costs one failed write and a fresh read, never a lost update. The copy is changed.
    /// </summary>
    public async Task<IngestionEntity> UpdateAsync(string slug, string etag, Func<IngestionEntity>? create, Action<IngestionEntity> change, StoredReceipt? read, CancellationToken cancellationToken)
    {
        for (var race = 1; ; race++)
        {
            var receipt = race == 1 && read is { } known ? known.Receipt : await GetAsync(slug, etag, cancellationToken);
            try
            {
                Response written;
                if (receipt is null)
                {
                    receipt = create?.Invoke() ?? throw new InvalidOperationException($"The ingest receipt {slug}/{etag} is missing.");
                    change(receipt);
                    written = await store.Ingestions.AddEntityAsync(receipt, cancellationToken);
                }
                else
                {
                    change(receipt);
                    written = await store.Ingestions.UpdateEntityAsync(receipt, receipt.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                // The stored row is the one just written: only its new ETag is to be learnt, from the write's answer.
                receipt.ETag = written.Headers.ETag ?? receipt.ETag;
                return receipt;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && race < MaxRaces)
            {
                // Another attempt wrote the receipt in between: read it again and re-apply the change.
            }
        }
    }
}
