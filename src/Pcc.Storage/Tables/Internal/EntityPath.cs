namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// The URL path of one entity: <c>Table(PartitionKey='pk',RowKey='rk')</c> with quotes doubled and the keys
/// percent-encoded as UTF-8, so spaces, <c>'</c>, <c>%</c>, <c>+</c> and non-ASCII characters survive
/// ("Addressing table service resources", https://learn.microsoft.com/rest/api/storageservices/addressing-table-service-resources).
/// </summary>
internal static class EntityPath
{
    public static string For(string table, string partitionKey, string rowKey)
    {
        EntityLimits.ValidateKey(nameof(ITableEntity.PartitionKey), partitionKey);
        EntityLimits.ValidateKey(nameof(ITableEntity.RowKey), rowKey);
        return $"/{table}(PartitionKey={Key(partitionKey)},RowKey={Key(rowKey)})";
    }

    private static string Key(string key) => "'" + Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal)) + "'";
}
