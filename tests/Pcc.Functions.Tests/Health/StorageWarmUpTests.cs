using Azure.Data.Tables;
using Pcc.LocalHost;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Health;

/// <summary>
/// A newly started instance creates its tables and containers while it connects to its host, so the first request of a
/// cold start does not wait for them.
/// </summary>
public sealed class StorageWarmUpTests
{
    [Fact]
    public async Task AStartedWorkerCreatesItsTablesAndContainersBeforeAnyRequest()
    {
        var azurite = await Azurite.GetAsync();
        var mailDev = await MailDev.GetAsync();
        var id = Guid.NewGuid().ToString("N")[..12];
        await using var host = await LocalFunctionHost.StartAsync(AppFixture.Options(id, azurite, mailDev));
        var settings = UniqueStorage.Settings(id);
        var tables = new TableServiceClient(azurite.ConnectionString);
        var prefix = settings["Storage:TablePrefix"]!;

        // No request is sent: only the worker's start can have created them.
        await Eventually.Async(
            async () => await ExistingAsync(tables, prefix),
            names => names.Contains(prefix + "Subscribers") && names.Contains(prefix + "RelatedCaseStudies") && names.Contains(prefix + "Changes"),
            "the app's tables");
        Assert.True(await host.Storage.GetBlobContainerClient(settings["Storage:ReportsContainer"]!).ExistsAsync());
        Assert.True(await host.Storage.GetBlobContainerClient(settings["Storage:DigestBatchesContainer"]!).ExistsAsync());
    }

    private static async Task<HashSet<string>> ExistingAsync(TableServiceClient tables, string prefix)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var table in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            names.Add(table.Name);
        }

        return names;
    }
}
