using Azure.Core;
using Pcc.Storage.Tables;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Tables;

/// <summary>Creates a fresh table per test on the run's Azurite.</summary>
internal static class TestTables
{
    public static StorageSharedKeyCredential Credential => new(Azurite.AccountName, Azurite.AccountKey);

    public static async Task<TableClient> CreateAsync(AzuriteFixture fixture, RequestCounter? counter = null)
    {
        var options = new TableClientOptions();
        if (counter is not null)
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        }

        var table = new TableClient(fixture.Azurite.TableEndpoint, AzuriteFixture.UniqueName("t"), Credential, options);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public static async Task<List<T>> AllAsync<T>(this TableClient table, string? filter = null)
        where T : class, ITableEntity, new()
    {
        var all = new List<T>();
        await foreach (var entity in table.QueryAsync<T>(filter))
        {
            all.Add(entity);
        }

        return all;
    }

    public static async Task AddManyAsync(this TableClient table, string partitionKey, int count, int startAt = 0)
    {
        for (var start = 0; start < count; start += 100)
        {
            var batch = Enumerable.Range(startAt + start, Math.Min(100, count - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new Note(partitionKey, i.ToString("D5"), $"note {i}") { Number = i }));
            await table.SubmitTransactionAsync(batch);
        }
    }
}
