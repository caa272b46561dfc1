using Azure;
using Pcc.Storage.Tables;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Tables;

public sealed class QueryTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task MoreThanAThousandEntitiesArriveOverSeveralPages()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddManyAsync("a", 600);
        await table.AddManyAsync("b", 550);

        var pages = new List<Page<Note>>();
        await foreach (var page in table.QueryAsync<Note>().AsPages())
        {
            pages.Add(page);
        }

        Assert.True(pages.Count >= 2);
        Assert.InRange(pages[0].Values.Count, 1, 1000);
        Assert.False(string.IsNullOrEmpty(pages[0].ContinuationToken));
        Assert.Null(pages[^1].ContinuationToken);
        var all = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(1150, all.Count);
        Assert.Equal(1150, all.Select(n => (n.PartitionKey, n.RowKey)).Distinct().Count());
        Assert.Equal(1150, (await table.AllAsync<Note>()).Count);
    }

    [Fact]
    public async Task SmallPagesFollowTheContinuationAcrossPartitions()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddManyAsync("a", 10);
        await table.AddManyAsync("b", 13);

        var sizes = new List<int>();
        var all = new List<Note>();
        await foreach (var page in table.QueryAsync<Note>(maxPerPage: 4).AsPages())
        {
            sizes.Add(page.Values.Count);
            all.AddRange(page.Values);
        }

        Assert.All(sizes, size => Assert.InRange(size, 0, 4));
        Assert.Equal(23, all.Count);
        Assert.Equal(all.OrderBy(n => n.PartitionKey).ThenBy(n => n.RowKey, StringComparer.Ordinal).Select(n => n.RowKey), all.Select(n => n.RowKey));
    }

    [Fact]
    public async Task APageCanResumeFromItsContinuationToken()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddManyAsync("a", 9);

        var first = await FirstPageAsync(table.QueryAsync<Note>(maxPerPage: 5).AsPages());
        var second = await FirstPageAsync(table.QueryAsync<Note>(maxPerPage: 5).AsPages(first.ContinuationToken));

        Assert.Equal(["00000", "00001", "00002", "00003", "00004"], first.Values.Select(n => n.RowKey));
        Assert.Equal(["00005", "00006", "00007", "00008"], second.Values.Select(n => n.RowKey));
    }

    [Fact]
    public async Task AFilterValueWithAQuoteMatchesExactly()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("people", "1", "O'Brien"));
        await table.AddEntityAsync(new Note("people", "2", "OBrien"));
        await table.AddEntityAsync(new Note("people", "3", "O''Brien"));

        var name = "O'Brien";
        var found = await table.AllAsync<Note>(TableClient.CreateQueryFilter($"Text eq {name}"));

        Assert.Equal("1", Assert.Single(found).RowKey);
    }

    [Fact]
    public async Task AnInjectionAttemptMatchesNothing()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("x", "1", "secret"));
        await table.AddEntityAsync(new Note("other", "1", "secret"));

        var attack = "x' or PartitionKey ne 'x";
        var found = await table.AllAsync<Note>(TableClient.CreateQueryFilter($"PartitionKey eq {attack}"));
        var plain = await table.AllAsync<Note>(TableClient.CreateQueryFilter($"PartitionKey eq {"x"}"));

        Assert.Empty(found);
        Assert.Single(plain);
    }

    [Fact]
    public async Task FilterValuesWithUrlSpecialCharactersMatch()
    {
        var table = await TestTables.CreateAsync(fixture);
        const string text = "a b+c&d=e#f/g?h%20i'j";
        await table.AddEntityAsync(new Note("p", "1", text));
        await table.AddEntityAsync(new Note("p", "2", "a b c"));

        var found = await table.AllAsync<Note>(TableClient.CreateQueryFilter($"Text eq {text}"));

        Assert.Equal(text, Assert.Single(found).Text);
    }

    [Fact]
    public async Task TypedFilterValuesCompareWithStoredValues()
    {
        var table = await TestTables.CreateAsync(fixture);
        var when = new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", i.ToString())
            {
                ["Big"] = (1L << 53) + i,
                ["Ratio"] = i + 0.5,
                ["Whole"] = (double)i,
                ["At"] = when.AddDays(i),
                ["Id"] = i == 1 ? id : Guid.NewGuid(),
                ["Flag"] = i == 2,
                ["Bytes"] = new byte[] { (byte)i, 0xAB },
            });
        }

        async Task<string[]> RowKeys(FormattableString filter) =>
            (await table.AllAsync<TableEntity>(TableClient.CreateQueryFilter(filter))).Select(e => e.RowKey).ToArray();

        Assert.Equal(["1", "2"], await RowKeys($"Big gt {(1L << 53)}"));
        Assert.Equal(["2"], await RowKeys($"Ratio ge {2.5}"));
        Assert.Equal(["1", "2"], await RowKeys($"Whole ge {1.0}"));
        Assert.Equal(["1", "2"], await RowKeys($"At gt {when}"));
        Assert.Equal(["1"], await RowKeys($"Id eq {id}"));
        Assert.Equal(["2"], await RowKeys($"Flag eq {true}"));
        Assert.Equal(["1"], await RowKeys($"Bytes eq {new byte[] { 1, 0xAB }}"));
        Assert.Equal(["0", "2"], await RowKeys($"PartitionKey eq {"p"} and RowKey ne {"1"}"));
    }

    [Fact]
    public async Task SelectLimitsTheReturnedProperties()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });

        var entity = Assert.Single(await ToListAsync(table.QueryAsync<TableEntity>(select: ["A"])));

        Assert.Equal(1, entity.GetInt32("A"));
        Assert.False(entity.ContainsKey("B"));
    }

    [Fact]
    public void APageSizeOverTheServiceMaximumIsRejected()
    {
        var table = new TableClient(fixture.Azurite.TableEndpoint, "unused", TestTables.Credential);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.QueryAsync<Note>(maxPerPage: 1001));
    }

    private static async Task<Page<T>> FirstPageAsync<T>(IAsyncEnumerable<Page<T>> pages)
    {
        await foreach (var page in pages)
        {
            return page;
        }

        throw new InvalidOperationException("No pages.");
    }

    private static async Task<List<T>> ToListAsync<T>(AsyncPageable<T> pageable) where T : notnull
    {
        var list = new List<T>();
        await foreach (var item in pageable)
        {
            list.Add(item);
        }

        return list;
    }
}
