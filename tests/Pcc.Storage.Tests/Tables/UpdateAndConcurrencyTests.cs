using Azure;
using Pcc.Storage.Tables;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Tables;

public sealed class UpdateAndConcurrencyTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task UpsertMergeKeepsPropertiesItDoesNotSend()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Kept"] = "old", ["Changed"] = 1 });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Changed"] = 2, ["Added"] = true }, TableUpdateMode.Merge);
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("old", read.GetString("Kept"));
        Assert.Equal(2, read.GetInt32("Changed"));
        Assert.True(read.GetBoolean("Added"));
    }

    [Fact]
    public async Task UpsertReplaceRemovesPropertiesItDoesNotSend()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Dropped"] = "old", ["Changed"] = 1 });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Changed"] = 2 }, TableUpdateMode.Replace);
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.False(read.ContainsKey("Dropped"));
        Assert.Equal(2, read.GetInt32("Changed"));
    }

    [Fact]
    public async Task UpsertInsertsAMissingEntityInEitherMode()
    {
        var table = await TestTables.CreateAsync(fixture);

        await table.UpsertEntityAsync(new Note("p", "merged", "m"), TableUpdateMode.Merge);
        await table.UpsertEntityAsync(new Note("p", "replaced", "r"), TableUpdateMode.Replace);

        Assert.Equal("m", (await table.GetEntityAsync<Note>("p", "merged")).Value.Text);
        Assert.Equal("r", (await table.GetEntityAsync<Note>("p", "replaced")).Value.Text);
    }

    [Fact]
    public async Task UpdatingWithAStaleETagFailsWithPreconditionFailedAndTheFreshETagSucceeds()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("p", "r", "v1"));
        var first = (await table.GetEntityAsync<Note>("p", "r")).Value;
        await table.UpdateEntityAsync(new Note("p", "r", "v2"), first.ETag, TableUpdateMode.Replace);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new Note("p", "r", "lost update"), first.ETag));
        var fresh = (await table.GetEntityAsync<Note>("p", "r")).Value;
        var updated = await table.UpdateEntityAsync(new Note("p", "r", "v3"), fresh.ETag);

        Assert.Equal(412, stale.Status);
        Assert.Equal("UpdateConditionNotSatisfied", stale.ErrorCode);
        Assert.Equal("v2", fresh.Text);
        Assert.NotEqual(first.ETag, fresh.ETag);
        Assert.Equal(204, updated.Status);
        Assert.Equal("v3", (await table.GetEntityAsync<Note>("p", "r")).Value.Text);
    }

    [Fact]
    public async Task UpdateMergeWithAnETagKeepsPropertiesItDoesNotSend()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Kept"] = "k" });
        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["New"] = 1 }, stored.ETag, TableUpdateMode.Merge);
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("k", read.GetString("Kept"));
        Assert.Equal(1, read.GetInt32("New"));
    }

    [Fact]
    public async Task UpdatingWithETagAllIgnoresTheVersionButNeedsTheEntity()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("p", "r", "v1"));

        await table.UpdateEntityAsync(new Note("p", "r", "v2"), ETag.All);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new Note("p", "missing"), ETag.All));

        Assert.Equal("v2", (await table.GetEntityAsync<Note>("p", "r")).Value.Text);
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task UpdatingWithoutAnETagIsRejectedBeforeSending()
    {
        var counter = new RequestCounter();
        var table = await TestTables.CreateAsync(fixture, counter);
        var sent = counter.Count;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new Note("p", "r"), default));

        Assert.Contains("ETag.All", ex.Message);
        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task DeletingWithAStaleETagFailsWithPreconditionFailed()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("p", "r", "v1"));
        var first = (await table.GetEntityAsync<Note>("p", "r")).Value;
        await table.UpsertEntityAsync(new Note("p", "r", "v2"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", first.ETag));
        var fresh = (await table.GetEntityAsync<Note>("p", "r")).Value;
        await table.DeleteEntityAsync("p", "r", fresh.ETag);

        Assert.Equal(412, ex.Status);
        Assert.False((await table.GetEntityIfExistsAsync<Note>("p", "r")).HasValue);
    }
}
