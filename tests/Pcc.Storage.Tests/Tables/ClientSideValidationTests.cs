using Pcc.Storage.Tables;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Tables;

/// <summary>Limits from https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model, enforced before sending.</summary>
public sealed class ClientSideValidationTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ATransactionOfMoreThanAHundredActionsIsRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(
            table => table.SubmitTransactionAsync(Enumerable.Range(0, 101)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new Note("p", i.ToString("D3"))))),
            "1 to 100 actions", "101");
    }

    [Fact]
    public async Task AnEmptyTransactionIsRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(table => table.SubmitTransactionAsync([]), "1 to 100 actions");
    }

    [Fact]
    public async Task ATransactionSpanningPartitionsIsRejectedUnsent()
    {
        // Azurite accepts this; Azure rejects it, so the client must.
        await AssertRejectedUnsentAsync(
            table => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new Note("a", "1")),
                new(TableTransactionActionType.Add, new Note("b", "1")),
            ]),
            "action 1", "PartitionKey 'b'", "one PartitionKey");
    }

    [Fact]
    public async Task ATransactionTouchingAnEntityTwiceIsRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(
            table => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new Note("p", "1")),
                new(TableTransactionActionType.Add, new Note("p", "2")),
                new(TableTransactionActionType.UpsertMerge, new Note("p", "1")),
            ]),
            "action 2", "RowKey '1'", "each entity once");
    }

    [Fact]
    public async Task ATransactionOverFourMebibytesIsRejectedUnsent()
    {
        // 100 entities of two 21,000-character strings: every entity is valid, the request is about 4.2 MB.
        var text = new string('x', 21_000);
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString("D3")) { ["Text"] = text, ["More"] = text }))
            .ToList();

        await AssertRejectedUnsentAsync(table => table.SubmitTransactionAsync(actions), "4 MiB", "bytes");
    }

    [Fact]
    public async Task AStringOver64KiBIsRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(
            table => table.AddEntityAsync(new Note("p", "r", new string('x', 32_769))),
            "'Text'", "32,769 characters", "64 KiB");
    }

    [Fact]
    public async Task AStringOfExactly64KiBIsAccepted()
    {
        var table = await TestTables.CreateAsync(fixture);

        await table.AddEntityAsync(new Note("p", "r", new string('x', 32_768)));

        Assert.Equal(32_768, (await table.GetEntityAsync<Note>("p", "r")).Value.Text!.Length);
    }

    [Fact]
    public async Task BinaryOver64KiBIsRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(
            table => table.AddEntityAsync(new TableEntity("p", "r") { ["Blob"] = new byte[65_537] }),
            "'Blob'", "65,537 bytes", "64 KiB");
    }

    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a#b", "'#'")]
    [InlineData("a?b", "'?'")]
    [InlineData("a\tb", "U+0009")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    public async Task ForbiddenKeyCharactersAreRejectedUnsent(string key, string named)
    {
        await AssertRejectedUnsentAsync(table => table.AddEntityAsync(new Note("p", key)), "RowKey", named);
        await AssertRejectedUnsentAsync(table => table.UpsertEntityAsync(new Note(key, "r")), "PartitionKey", named);
        await AssertRejectedUnsentAsync(table => table.GetEntityAsync<Note>(key, "r"), "PartitionKey", named);
        await AssertRejectedUnsentAsync(table => table.DeleteEntityAsync("p", key), "RowKey", named);
        await AssertRejectedUnsentAsync(
            table => table.SubmitTransactionAsync([new(TableTransactionActionType.Delete, new Note("p", key))]), "RowKey", named);
    }

    [Fact]
    public async Task AKeyOver1KiBIsRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(table => table.AddEntityAsync(new Note(new string('k', 513), "r")), "PartitionKey", "513 characters", "1 KiB");
    }

    [Fact]
    public async Task AKeyOfExactly1KiBIsAccepted()
    {
        var table = await TestTables.CreateAsync(fixture);
        var key = new string('k', 512);

        await table.AddEntityAsync(new Note(key, key));

        Assert.Equal(key, (await table.GetEntityAsync<Note>(key, key)).Value.RowKey);
    }

    [Fact]
    public async Task ADictionaryEntityWithoutKeysIsRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(table => table.AddEntityAsync(new TableEntity { ["Text"] = "orphan" }), "PartitionKey is null");
    }

    [Fact]
    public async Task MoreThan252PropertiesAreRejectedUnsent()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity[$"P{i}"] = i;
        }

        await AssertRejectedUnsentAsync(table => table.AddEntityAsync(entity), "253 properties", "252");
    }

    [Theory]
    [InlineData("has-dash")]
    [InlineData("1digit")]
    [InlineData("odata.etag2")]
    [InlineData("")]
    public async Task InvalidPropertyNamesAreRejectedUnsent(string name)
    {
        await AssertRejectedUnsentAsync(table => table.AddEntityAsync(new TableEntity("p", "r") { [name] = 1 }), $"'{name}'");
    }

    [Fact]
    public async Task APropertyNameOver255CharactersIsRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(table => table.AddEntityAsync(new TableEntity("p", "r") { [new string('n', 256)] = 1 }), "256 characters");
    }

    [Fact]
    public async Task AnEntityOver1MiBIsRejectedUnsent()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++)
        {
            entity[$"Chunk{i}"] = new string('x', 32_000);
        }

        await AssertRejectedUnsentAsync(table => table.AddEntityAsync(entity), "1 MiB");
    }

    [Fact]
    public async Task DatesBeforeTheServiceRangeAreRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(table => table.AddEntityAsync(new Reading { PartitionKey = "p", RowKey = "r", TakenUtc = default }), "'TakenUtc'", "1601");
    }

    [Fact]
    public async Task UnsupportedValueTypesAreRejectedUnsent()
    {
        await AssertRejectedUnsentAsync(table => table.AddEntityAsync(new TableEntity("p", "r") { ["Price"] = 1.5m }), "'Price'", "Decimal");
    }

    /// <summary>Asserts the call throws <see cref="ArgumentException"/> mentioning each fragment, sends nothing and leaves the table empty.</summary>
    private async Task AssertRejectedUnsentAsync(Func<TableClient, Task> act, params string[] fragments)
    {
        var counter = new RequestCounter();
        var table = await TestTables.CreateAsync(fixture, counter);
        var sent = counter.Count;

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => act(table));

        Assert.Equal(sent, counter.Count);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, ex.Message);
        }

        Assert.Empty(await table.AllAsync<TableEntity>());
    }
}
