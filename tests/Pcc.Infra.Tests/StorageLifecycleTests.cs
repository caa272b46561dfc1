using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>Subscribers' addresses in digest batch blobs are kept only as long as a batch can still be sent.</summary>
public sealed class StorageLifecycleTests
{
    [Fact]
    public void DigestBatchBlobsAreDeletedAMonthAfterTheyWereWrittenAndNothingElseIs()
    {
        var container = Templates.Main.AppSettings()["Storage__DigestBatchesContainer"].Text;
        var policy = Templates.Main.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var rules = policy.Property("properties.policy.rules").Node!.AsArray();

        var rule = Assert.Single(rules)!;
        Assert.True((bool)rule["enabled"]!);
        Assert.Equal([$"{container}/"], rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(p => (string)p!));
        var days = (int)rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!;
        // Longer than a queue message lives (7 days), so no batch waiting to be sent loses its contents.
        Assert.InRange(days, 8, 90);
    }
}
