using Azure.Data.Tables;
using Pcc.Platform.Storage;
using Pcc.Testing;

namespace Pcc.Platform.Tests.Storage;

public sealed class TableBatchTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ATransactionWithOneFailingActionWritesNothing()
    {
        var table = await CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken"));

        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Add, new TableEntity("p", "taken")),
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
        ];
        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => TableBatch.SubmitAsync(table, actions));

        Assert.Equal(409, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Equal(["taken"], await RowKeysAsync(table));
    }

    [Fact]
    public async Task MoreThanAHundredActionsAreRefusedBeforeAnythingIsSent()
    {
        var table = await CreateTableAsync();
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:000}"))).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TableBatch.SubmitAsync(table, actions));

        Assert.Contains("101", error.Message);
        Assert.Empty(await RowKeysAsync(table));
    }

    [Fact]
    public async Task ATransactionOverTwoPartitionsIsRefusedEvenThoughTheEmulatorWouldTakeIt()
    {
        var table = await CreateTableAsync();
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Add, new TableEntity("q", "b")),
        ];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TableBatch.SubmitAsync(table, actions));

        Assert.Contains("'q'", error.Message);
        Assert.Empty(await RowKeysAsync(table));
    }

    [Fact]
    public async Task ChunkedSubmissionWritesEveryRowAndQueriesPagePastAThousand()
    {
        var table = await CreateTableAsync();
        var rows = Enumerable.Range(0, 1_150)
            .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(i % 2 == 0 ? "even" : "odd", $"r{i:0000}")));

        await TableBatch.SubmitInChunksAsync(table, rows);

        var pages = 0;
        var read = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(select: ["RowKey"]).AsPages())
        {
            pages++;
            read += page.Values.Count;
        }

        Assert.Equal(1_150, read);
        Assert.True(pages > 1, "the service returns at most 1,000 entities a page");
    }

    private async Task<TableClient> CreateTableAsync()
    {
        var table = StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString).GetTableClient(AzuriteFixture.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task<List<string>> RowKeysAsync(TableClient table)
    {
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            keys.Add(entity.RowKey);
        }

        return keys;
    }
}
