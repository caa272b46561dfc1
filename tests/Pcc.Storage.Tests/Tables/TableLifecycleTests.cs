using Microsoft.Extensions.Configuration;
using Pcc.Storage.Tables;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Tables;

public sealed class TableLifecycleTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CreatingATableTwiceIsFine()
    {
        var table = new TableClient(fixture.Azurite.TableEndpoint, AzuriteFixture.UniqueName("t"), TestTables.Credential);

        var created = await table.CreateIfNotExistsAsync();
        var again = await table.CreateIfNotExistsAsync();

        Assert.Equal(204, created.GetRawResponse().Status);
        Assert.Equal(409, again.GetRawResponse().Status);
        Assert.Equal(table.Name, again.Value.Name);
    }

    [Fact]
    public async Task DeletingATableRemovesItAndDeletingAMissingTableIsFine()
    {
        var table = await TestTables.CreateAsync(fixture);
        await table.AddEntityAsync(new Note("p", "r"));

        var deleted = await table.DeleteAsync();
        var again = await table.DeleteAsync();

        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        var ex = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.AddEntityAsync(new Note("p", "r")));
        Assert.Equal("TableNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task AClientFromAConnectionStringWorks()
    {
        var table = new TableClient(fixture.Azurite.ConnectionString, AzuriteFixture.UniqueName("t"));

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new Note("p", "r", "via connection string"));

        Assert.Equal("via connection string", (await table.GetEntityAsync<Note>("p", "r")).Value.Text);
    }

    [Fact]
    public async Task AClientFromStorageAccountWorks()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = fixture.Azurite.ConnectionString })
            .Build();
        var table = StorageAccount.FromConfiguration(configuration).GetTableClient(AzuriteFixture.UniqueName("t"));

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new Note("p", "r", "via account"));

        Assert.Equal("via account", (await table.GetEntityAsync<Note>("p", "r")).Value.Text);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("has-dash")]
    public void InvalidTableNamesAreRejected(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new TableClient(fixture.Azurite.TableEndpoint, name, TestTables.Credential));
        Assert.Contains(name, ex.Message);
    }
}
