using Azure;
using Pcc.Storage.Blobs.Models;
using Pcc.Storage.Blobs.Specialized;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Blobs;

public sealed class BlobLeaseTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ASecondHolderCannotAcquireALeasedBlob()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("leased.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));
        var first = blob.GetBlobLeaseClient();
        var second = blob.GetBlobLeaseClient();

        var lease = await first.AcquireAsync(TimeSpan.FromSeconds(15));
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => second.AcquireAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(first.LeaseId, lease.Value.LeaseId);
        Assert.Equal(409, ex.Status);
        Assert.Equal("LeaseAlreadyPresent", ex.ErrorCode);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal((LeaseState.Leased, LeaseStatus.Locked, LeaseDurationType.Fixed), (properties.LeaseState, properties.LeaseStatus, properties.LeaseDuration));
    }

    [Fact]
    public async Task AfterReleaseAnotherHolderCanAcquire()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("released.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));
        var first = blob.GetBlobLeaseClient();
        var second = blob.GetBlobLeaseClient();

        await first.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);
        await first.RenewAsync();
        await first.ReleaseAsync();
        var lease = await second.AcquireAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(second.LeaseId, lease.Value.LeaseId);
    }

    [Fact]
    public async Task WritesAndDeletesOnALeasedBlobNeedTheLeaseId()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("guarded.txt");
        await blob.UploadAsync(BinaryData.FromString("v1"));
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));

        var write = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true));
        var delete = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteIfExistsAsync());
        await blob.UploadAsync(BinaryData.FromString("v3"), new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId } });
        await blob.SetMetadataAsync(new Dictionary<string, string> { ["k"] = "v" }, new BlobRequestConditions { LeaseId = lease.LeaseId });

        Assert.Equal((412, "LeaseIdMissing"), (write.Status, write.ErrorCode));
        Assert.Equal((412, "LeaseIdMissing"), (delete.Status, delete.ErrorCode));
        Assert.Equal("v3", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.True((await blob.DeleteIfExistsAsync(new BlobRequestConditions { LeaseId = lease.LeaseId })).Value);
    }

    [Fact]
    public async Task BreakingWithZeroPeriodFreesTheBlobForANewHolder()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("broken.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));
        var first = blob.GetBlobLeaseClient();
        await first.AcquireAsync(TimeSpan.FromSeconds(60));

        var broken = await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        var second = blob.GetBlobLeaseClient();
        await second.AcquireAsync(TimeSpan.FromSeconds(15));
        var renew = await Assert.ThrowsAsync<RequestFailedException>(() => first.RenewAsync());

        Assert.Equal(0, broken.Value.LeaseTime);
        Assert.Equal(409, renew.Status);
    }

    [Fact]
    public async Task ChangingTheLeaseIdHandsTheLeaseOver()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var blob = container.GetBlobClient("changed.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));
        var newId = Guid.NewGuid().ToString();

        await lease.ChangeAsync(newId);
        await blob.GetBlobLeaseClient(newId).ReleaseAsync();

        Assert.Equal(newId, lease.LeaseId);
        Assert.Equal(LeaseState.Available, (await blob.GetPropertiesAsync()).Value.LeaseState);
    }

    [Fact]
    public async Task AContainerCanBeLeased()
    {
        var container = await BlobTestContainer.CreateAsync(fixture);
        var first = container.GetBlobLeaseClient();

        await first.AcquireAsync(TimeSpan.FromSeconds(15));
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15)));
        await first.ReleaseAsync();

        Assert.Equal(409, ex.Status);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    [InlineData(0)]
    public async Task LeaseDurationsOutsideFifteenToSixtySecondsAreRefused(int seconds)
    {
        var container = await BlobTestContainer.CreateAsync(fixture);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => container.GetBlobClient("x").GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(seconds)));
    }
}
