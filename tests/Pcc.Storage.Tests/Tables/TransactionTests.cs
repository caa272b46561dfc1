using Azure;
using Pcc.Storage.Tables;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Tables;

public sealed class TransactionTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EveryActionTypeAppliesAndEachHasAResponse()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new TableEntity("p", "deleted"));
        await table.AddEntityAsync(new TableEntity("p", "merged") { ["Kept"] = "k" });
        await table.AddEntityAsync(new TableEntity("p", "replaced") { ["Dropped"] = "d" });
        var merged = (await table.GetEntityAsync<TableEntity>("p", "merged")).Value;

        var response = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "added") { ["Big"] = long.MaxValue }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "deleted")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merged") { ["New"] = 1 }, merged.ETag),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replaced") { ["New"] = 2 }),
            new(TableTransactionActionType.UpsertMerge, new Note("p", "upserted1", "m")),
            new(TableTransactionActionType.UpsertReplace, new Note("p", "upserted2", "r")),
        ]);

        Assert.Equal(202, response.GetRawResponse().Status);
        Assert.Equal(6, response.Value.Count);
        Assert.All(response.Value, r => Assert.Equal(204, r.Status));
        Assert.NotEqual(default, response.Value[0].Headers.ETag);
        var rows = (await table.AllAsync<TableEntity>()).ToDictionary(e => e.RowKey);
        Assert.Equal(["added", "merged", "replaced", "upserted1", "upserted2"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(long.MaxValue, rows["added"].GetInt64("Big"));
        Assert.Equal("k", rows["merged"].GetString("Kept"));
        Assert.Equal(1, rows["merged"].GetInt32("New"));
        Assert.False(rows["replaced"].ContainsKey("Dropped"));
        Assert.Equal("r", rows["upserted2"].GetString("Text"));
    }

    [Fact]
    public async Task OneFailingActionRollsBackTheWholeTransactionAndIsNamed()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("p", "existing", "original"));

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new Note("p", "new1")),
            new(TableTransactionActionType.UpsertReplace, new Note("p", "new2")),
            new(TableTransactionActionType.Add, new Note("p", "existing", "overwrite?")),
            new(TableTransactionActionType.Add, new Note("p", "new3")),
        ]));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal(2, ex.FailedTransactionActionIndex);
        Assert.Contains("Action 2", ex.Message);
        Assert.Contains("existing", ex.Message);
        var remaining = await table.AllAsync<Note>();
        Assert.Equal("existing", Assert.Single(remaining).RowKey);
        Assert.Equal("original", remaining[0].Text);
    }

    [Fact]
    public async Task AStaleETagInATransactionFailsItWithPreconditionFailed()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("p", "r", "v1"));
        var stale = (await table.GetEntityAsync<Note>("p", "r")).Value.ETag;
        await table.UpsertEntityAsync(new Note("p", "r", "v2"));

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new Note("p", "other")),
            new(TableTransactionActionType.Delete, new Note("p", "r"), stale),
        ]));

        Assert.Equal(412, ex.Status);
        Assert.Equal(1, ex.FailedTransactionActionIndex);
        Assert.Equal("r", Assert.Single(await table.AllAsync<Note>()).RowKey);
    }

    [Fact]
    public async Task AHundredActionsAreAccepted()
    {
        var table = await TestTables.CreateAsync(fixture);

        var response = await table.SubmitTransactionAsync(
            Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new Note("p", i.ToString("D3")))));

        Assert.Equal(100, response.Value.Count);
        Assert.Equal(100, (await table.AllAsync<Note>()).Count);
    }
}
