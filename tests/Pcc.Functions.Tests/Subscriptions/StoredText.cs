using Azure.Data.Tables;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>What a table holds, read back as text: to show an address is (not) kept anywhere in it.</summary>
internal static class StoredText
{
    /// <summary>The entities of <paramref name="table"/> that hold <paramref name="text"/> in any property, any case.</summary>
    public static async Task<List<string>> EntitiesHoldingAsync(TableClient table, string text)
    {
        var found = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            if (entity.Any(p => p.Value?.ToString()?.Contains(text, StringComparison.OrdinalIgnoreCase) == true))
            {
                found.Add($"{entity.PartitionKey}/{entity.RowKey}");
            }
        }

        return found;
    }

    /// <summary>Every row key of <paramref name="table"/>.</summary>
    public static async Task<HashSet<string>> KeysAsync(TableClient table)
    {
        var keys = new HashSet<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            keys.Add($"{entity.PartitionKey}/{entity.RowKey}");
        }

        return keys;
    }
}
