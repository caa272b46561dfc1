using Pcc.Notifications.Digests.Ledger;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Digests;

public sealed class DeliveryEntityTests
{
    [Fact]
    public void SubscriberIdsWithCharactersKeysCannotHoldAreEscapedUnambiguously()
    {
        Assert.Equal("abc-123_x", DeliveryEntity.RowKeyFor("abc-123_x"));
        Assert.Equal("a%2Fb%5Cc%23d%3Fe%25f%0A", DeliveryEntity.RowKeyFor("a/b\\c#d?e%f\n"));
        Assert.NotEqual(DeliveryEntity.RowKeyFor("a%2F"), DeliveryEntity.RowKeyFor("a/"));
    }

    [Fact]
    public void AWindowsDeliveriesSpreadOverSixteenPartitionsWithinOneKeyRange()
    {
        var partitions = Enumerable.Range(0, 1000).Select(i => DeliveryEntity.PartitionFor(Daily, $"sub{i}")).Distinct().ToList();

        Assert.Equal(DeliveryEntity.Buckets, partitions.Count);
        Assert.All(partitions, p => Assert.InRange(string.CompareOrdinal(p, DeliveryEntity.FirstPartition(Daily)), 0, int.MaxValue));
        Assert.All(partitions, p => Assert.InRange(string.CompareOrdinal(p, DeliveryEntity.LastPartition(Daily)), int.MinValue, 0));
        Assert.Equal(DeliveryEntity.PartitionFor(Daily, "sub7"), DeliveryEntity.PartitionFor(Daily, "sub7"));
    }
}
