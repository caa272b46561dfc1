using Azure;
using Azure.Data.Tables;
using Pcc.Platform.Storage;
using Pcc.Testing;

namespace Pcc.Platform.Tests.Storage;

/// <summary>Every untrusted value reaches a filter through <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.</summary>
public sealed class QueryFilterTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AQuoteInAValueMatchesOnlyThatValue()
    {
        var table = await TableWithAsync("O'Brien", "OBrien");
        var name = "O'Brien";

        var found = await PartitionKeysAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {name}"));

        Assert.Equal(["O'Brien"], found);
    }

    [Fact]
    public async Task AnInjectionAttemptStaysOneStringAndMatchesNothing()
    {
        var table = await TableWithAsync("x", "y");
        var attack = "x' or PartitionKey ne 'x";

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {attack}");
        var found = await PartitionKeysAsync(table, filter);

        Assert.Equal("PartitionKey eq 'x'' or PartitionKey ne ''x'", filter);
        Assert.Empty(found);
    }

    [Fact]
    public async Task AStaleETagLosesTheWriteWith412AndTheStoredRowStays()
    {
        var table = await TableWithAsync("p");
        var first = (await table.GetEntityAsync<TableEntity>("p", "row")).Value;
        var second = (await table.GetEntityAsync<TableEntity>("p", "row")).Value;
        first["Text"] = "first";
        await table.UpdateEntityAsync(first, first.ETag, TableUpdateMode.Replace);

        second["Text"] = "second";
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(second, second.ETag, TableUpdateMode.Replace));

        Assert.Equal(412, error.Status);
        Assert.Equal("first", (await table.GetEntityAsync<TableEntity>("p", "row")).Value.GetString("Text"));
    }

    private async Task<TableClient> TableWithAsync(params string[] partitions)
    {
        var table = StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString).GetTableClient(AzuriteFixture.UniqueName("q"));
        await table.CreateIfNotExistsAsync();
        foreach (var partition in partitions)
        {
            await table.AddEntityAsync(new TableEntity(partition, "row"));
        }

        return table;
    }

    private static async Task<List<string>> PartitionKeysAsync(TableClient table, string filter)
    {
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter))
        {
            keys.Add(entity.PartitionKey);
        }

        return keys;
    }
}
