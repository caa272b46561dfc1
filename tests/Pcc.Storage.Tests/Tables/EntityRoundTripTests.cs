using Azure;
using Pcc.Storage.Tables;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Tables;

public sealed class EntityRoundTripTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TypedEntityKeepsEveryPropertyType()
    {
        var table = await TestTables.CreateAsync(fixture);
        var written = new Reading
        {
            PartitionKey = "p",
            RowKey = "r",
            Text = "héllo \"world\" ' \n",
            Flag = true,
            Count = -7,
            Big = (1L << 53) + 1,
            Ratio = 2.0,
            Taken = new DateTimeOffset(2026, 11, 23, 8, 30, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567),
            TakenUtc = new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Id = Guid.NewGuid(),
            Bytes = [0, 1, 2, 254, 255],
            Data = BinaryData.FromString("binary data"),
            Colour = Colour.Blue,
            MaybeCount = 3,
            MaybeBig = long.MinValue,
            MaybeTaken = null,
            MaybeId = Guid.Empty,
            MaybeColour = Colour.Green,
        };

        var added = await table.AddEntityAsync(written);
        var read = (await table.GetEntityAsync<Reading>("p", "r")).Value;

        Assert.Equal(204, added.Status);
        Assert.Equal(written.Text, read.Text);
        Assert.True(read.Flag);
        Assert.Equal(-7, read.Count);
        Assert.Equal(9_007_199_254_740_993L, read.Big);
        Assert.Equal(2.0, read.Ratio);
        Assert.Equal(written.Taken.ToUniversalTime(), read.Taken);
        Assert.Equal(written.TakenUtc, read.TakenUtc);
        Assert.Equal(DateTimeKind.Utc, read.TakenUtc.Kind);
        Assert.Equal(written.Id, read.Id);
        Assert.Equal(written.Bytes, read.Bytes);
        Assert.Equal("binary data", read.Data?.ToString());
        Assert.Equal(Colour.Blue, read.Colour);
        Assert.Equal(3, read.MaybeCount);
        Assert.Equal(long.MinValue, read.MaybeBig);
        Assert.Null(read.MaybeTaken);
        Assert.Equal(Guid.Empty, read.MaybeId);
        Assert.Equal(Colour.Green, read.MaybeColour);
        Assert.NotNull(read.Timestamp);
        Assert.NotEqual(default, read.ETag);
        Assert.Equal(added.Headers.ETag, read.ETag);
    }

    [Fact]
    public async Task DictionaryEntityKeepsEveryPropertyTypeAndNullsAreNotStored()
    {
        var table = await TestTables.CreateAsync(fixture);
        var id = Guid.NewGuid();
        var when = new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "text",
            ["Flag"] = false,
            ["Count"] = int.MaxValue,
            ["Big"] = long.MaxValue,
            ["Ratio"] = 0.1,
            ["Whole"] = 3.0,
            ["NotANumber"] = double.NaN,
            ["Taken"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 1, 2, 3 },
            ["Nothing"] = null,
        };

        await table.AddEntityAsync(entity);
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("text", read.GetString("Text"));
        Assert.False(read.GetBoolean("Flag"));
        Assert.Equal(int.MaxValue, read.GetInt32("Count"));
        Assert.Equal(long.MaxValue, read.GetInt64("Big"));
        Assert.IsType<long>(read["Big"]);
        Assert.Equal(0.1, read.GetDouble("Ratio"));
        Assert.Equal(3.0, read.GetDouble("Whole"));
        Assert.True(double.IsNaN(read.GetDouble("NotANumber")!.Value));
        Assert.Equal(when, read.GetDateTimeOffset("Taken"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 1, 2, 3 }, read.GetBinary("Bytes"));
        Assert.False(read.ContainsKey("Nothing"));
        Assert.Null(read.GetString("Missing"));
        Assert.Equal("p", read.PartitionKey);
        Assert.Equal("r", read.RowKey);
        Assert.NotNull(read.Timestamp);
        Assert.NotEqual(default, read.ETag);
        Assert.Throws<InvalidOperationException>(() => read.GetInt32("Text"));
    }

    [Fact]
    public async Task TypedReadIgnoresStoredPropertiesTheTypeDoesNotHave()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = "kept", ["Extra"] = 5, ["Number"] = 9 });

        var note = (await table.GetEntityAsync<Note>("p", "r")).Value;

        Assert.Equal("kept", note.Text);
        Assert.Equal(9, note.Number);
    }

    [Fact]
    public async Task AStoredValueThatDoesNotFitTheTypedPropertyIsNamedInTheError()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Colour"] = "Purple" });
        await table.AddEntityAsync(new TableEntity("p", "s") { ["Count"] = "not a number" });

        var colour = await Assert.ThrowsAsync<InvalidOperationException>(() => table.GetEntityAsync<Reading>("p", "r"));
        var count = await Assert.ThrowsAsync<InvalidOperationException>(() => table.GetEntityAsync<Reading>("p", "s"));

        Assert.Contains("'Colour'", colour.Message);
        Assert.Contains("Purple", colour.Message);
        Assert.Contains("Reading.Count", count.Message);
    }

    [Fact]
    public async Task SelectReadsOnlyTheNamedProperties()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = "t", ["Number"] = 9 });

        var read = (await table.GetEntityAsync<TableEntity>("p", "r", select: ["Number"])).Value;

        Assert.Equal(9, read.GetInt32("Number"));
        Assert.False(read.ContainsKey("Text"));
    }

    [Fact]
    public async Task AddingAnExistingEntityFailsWithConflict()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("p", "r", "first"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new Note("p", "r", "second")));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal("first", (await table.GetEntityAsync<Note>("p", "r")).Value.Text);
    }

    [Fact]
    public async Task GettingAMissingEntityFailsWithNotFound()
    {
        var table = await TestTables.CreateAsync(fixture);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<Note>("p", "missing"));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task GetEntityIfExistsOnAMissingEntityHasNoValue()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("p", "there", "x"));

        var missing = await table.GetEntityIfExistsAsync<Note>("p", "missing");
        var present = await table.GetEntityIfExistsAsync<Note>("p", "there");

        Assert.False(missing.HasValue);
        Assert.Equal(404, missing.GetRawResponse().Status);
        Assert.Throws<InvalidOperationException>(() => missing.Value);
        Assert.True(present.HasValue);
        Assert.Equal("x", present.Value!.Text);
    }

    [Fact]
    public async Task DeletingAnEntityRemovesItAndDeletingAMissingOneIsFine()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("p", "r"));

        var deleted = await table.DeleteEntityAsync("p", "r");
        var again = await table.DeleteEntityAsync("p", "r");

        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.False((await table.GetEntityIfExistsAsync<Note>("p", "r")).HasValue);
    }

    [Theory]
    [InlineData("with space", "it's")]
    [InlineData("100%", "a+b")]
    [InlineData("café", "ü€😀")]
    [InlineData("''", "%2F%20")]
    [InlineData("(x=1,y)", "a&b=c;d@e$f!*:")]
    [InlineData("", "")]
    public async Task KeysWithSpecialCharactersRoundTrip(string partitionKey, string rowKey)
    {
        var table = await TestTables.CreateAsync(fixture);
        var note = new Note(partitionKey, rowKey, "v1");

        await table.AddEntityAsync(note);
        await table.UpsertEntityAsync(new Note(partitionKey, rowKey, "v2"));
        var read = (await table.GetEntityAsync<Note>(partitionKey, rowKey)).Value;
        var queried = await table.AllAsync<Note>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey eq {rowKey}"));
        await table.UpdateEntityAsync(new Note(partitionKey, rowKey, "v3"), read.ETag);
        await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All);

        Assert.Equal(partitionKey, read.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);
        Assert.Equal("v2", read.Text);
        Assert.Equal(rowKey, Assert.Single(queried).RowKey);
        Assert.Empty(await table.AllAsync<Note>());
    }
}
