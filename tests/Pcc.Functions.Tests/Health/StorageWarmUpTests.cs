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

        var reports = host.Storage.GetBlobContainerClient(settings["Storage:ReportsContainer"]!);
        var batches = host.Storage.GetBlobContainerClient(settings["Storage:DigestBatchesContainer"]!);

        // No request is sent: only the worker's start can have created them. Tables and containers are created at once,
        // in no set order, so the wait is for all of them.
        await Eventually.Async(
            async () => (Tables: await ExistingAsync(tables, prefix), Reports: (bool)await reports.ExistsAsync(), Batches: (bool)await batches.ExistsAsync()),
            found => found.Tables.Contains(prefix + "Subscribers") && found.Tables.Contains(prefix + "RelatedCaseStudies") && found.Tables.Contains(prefix + "Changes")
                && found.Reports && found.Batches,
            "the app's tables and containers");
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
