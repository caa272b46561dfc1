using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>Storage is reached as the app's identity, never with a key, and holds everything the app expects to find.</summary>
public sealed class StorageConnectionTests
{
    private static readonly IReadOnlyDictionary<string, ArmValue> Settings = Templates.Main.AppSettings();

    [Fact]
    public void EveryStorageConnectionIsIdentityBased()
    {
        var identityClientId = Settings["AzureWebJobsStorage__clientId"].Text;
        var connections = AppSurface.Connections(Settings).Append("AzureWebJobsStorage").Distinct().ToList();

        foreach (var connection in connections)
        {
            Assert.False(Settings.ContainsKey(connection), $"{connection} is a connection string; use {connection}__accountName");
            Assert.True(Settings.ContainsKey($"{connection}__accountName"), $"{connection}__accountName is not set");
            Assert.Equal("managedidentity", Settings[$"{connection}__credential"].Text);
            Assert.Equal(identityClientId, Settings[$"{connection}__clientId"].Text);
        }

        Assert.Contains("reference('identity').outputs.clientId.value", identityClientId, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSettingHoldsAnAccountKey()
    {
        var leaking = Settings.Where(s => s.Value.Text.Contains("AccountKey", StringComparison.OrdinalIgnoreCase)
            || s.Value.Text.Contains("listKeys", StringComparison.OrdinalIgnoreCase)
            || s.Value.Text.Contains("SharedAccessSignature", StringComparison.OrdinalIgnoreCase));

        Assert.Empty(leaking);
        var account = Templates.Main.Single("Microsoft.Storage/storageAccounts");
        Assert.Equal("false", account.Property("properties.allowSharedKeyAccess").Text.ToLowerInvariant());
    }

    [Fact]
    public void EveryContainerTheAppsStorageSettingsNameIsCreated()
    {
        var created = CreatedNames("Microsoft.Storage/storageAccounts/blobServices/containers");
        var named = AppSurface.OptionSettings.Where(s => s.Key.StartsWith("Storage:", StringComparison.Ordinal) && s.Key.EndsWith("Container", StringComparison.Ordinal))
            .Select(s => Settings[s.AppSetting].Text).ToList();

        Assert.Contains("briefings", named);
        Assert.All(named, container => Assert.Contains(container, created));
    }

    [Fact]
    public void TheDeploymentPackageContainerIsCreated()
    {
        var app = Templates.Main.Single("Microsoft.Web/sites");
        var deployment = app.Property("properties.functionAppConfig.deployment.storage").Node!;

        Assert.Equal("blobContainer", (string?)deployment["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        var container = ((string)deployment["value"]!).Split('/')[^1];
        Assert.Contains(container, CreatedNames("Microsoft.Storage/storageAccounts/blobServices/containers"));
    }

    [Fact]
    public void TheBlobTriggersPoisonQueueIsCreated()
    {
        Assert.Contains(AppSurface.Bindings, b => b.Attribute == "BlobTriggerAttribute");

        // The Functions host moves a blob that failed five times to this queue (a host constant); the identity may write it.
        Assert.Contains("webjobs-blobtrigger-poison", CreatedNames("Microsoft.Storage/storageAccounts/queueServices/queues"));
    }

    [Fact]
    public void EveryTableTheAppOpensIsCreated()
    {
        var created = CreatedNames("Microsoft.Storage/storageAccounts/tableServices/tables");
        var prefix = Settings["Storage__TablePrefix"].Text;

        Assert.All(AppTables.Names(), table => Assert.Contains(prefix + table, created));
    }

    private static HashSet<string> CreatedNames(string type) =>
        Templates.Main.Resources(type).SelectMany(r => r.Instances()).Select(r => r.LeafName).ToHashSet(StringComparer.Ordinal);
}
