using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Pcc.Catalogue.Storage;
using Pcc.Platform.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Storage;

public sealed class BlobLockTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ASecondHolderGetsNoLockUntilTheFirstReleasesIt()
    {
        var container = await CreateContainerAsync();

        var first = await BlobLock.TryAcquireAsync(container, "locks/ingest", s_duration);
        var second = await BlobLock.TryAcquireAsync(container, "locks/ingest", s_duration);
        Assert.NotNull(first);
        Assert.Null(second);

        await first.DisposeAsync();
        await using var third = await BlobLock.TryAcquireAsync(container, "locks/ingest", s_duration);

        Assert.NotNull(third);
        Assert.NotEqual(first.LeaseId, third.LeaseId);
    }

    [Fact]
    public async Task AcquiringWaitsForTheHolderToReleaseTheLock()
    {
        var container = await CreateContainerAsync();
        var first = await BlobLock.TryAcquireAsync(container, "wait", s_duration);

        var waiting = BlobLock.AcquireAsync(container, "wait", new BlobLockOptions { Duration = s_duration }, TimeSpan.FromSeconds(30));
        await Task.Delay(700);
        Assert.False(waiting.IsCompleted);
        await first!.DisposeAsync();

        await using var second = await waiting;
        Assert.NotEqual(first.LeaseId, second.LeaseId);
    }

    [Fact]
    public async Task AcquiringGivesUpWithATimeoutWhenTheLockIsNeverReleased()
    {
        var container = await CreateContainerAsync();
        await using var holder = await BlobLock.TryAcquireAsync(container, "held", s_duration);

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            BlobLock.AcquireAsync(container, "held", new BlobLockOptions { Duration = s_duration }, TimeSpan.FromSeconds(1)));

        Assert.Contains("'held'", error.Message);
    }

    [Fact]
    public async Task RacingHoldersGetExactlyOneLock()
    {
        var container = await CreateContainerAsync();

        var locks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => BlobLock.TryAcquireAsync(container, "race", s_duration)));

        Assert.Single(locks, l => l is not null);
        await locks.Single(l => l is not null)!.DisposeAsync();
    }

    [Fact]
    public async Task TheLockBlobAndContainerAreCreatedWhenMissing()
    {
        var container = StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("b"));

        await using var held = await BlobLock.TryAcquireAsync(container, "new-lock", s_duration);

        Assert.NotNull(held);
        Assert.True((await container.GetBlobClient("new-lock").ExistsAsync()).Value);
    }

    [Fact]
    public async Task ABrokenLockCanBeTakenOverAndTheOldHolderDisposesQuietly()
    {
        var container = await CreateContainerAsync();
        var first = await BlobLock.TryAcquireAsync(container, "taken-over", s_duration);
        Assert.NotNull(first);

        // Stands in for the lease running out: a break with no period frees the blob at once.
        await container.GetBlobClient("taken-over").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        await using var second = await BlobLock.TryAcquireAsync(container, "taken-over", s_duration);
        var renew = await Assert.ThrowsAsync<RequestFailedException>(() => first.RenewAsync());
        await first.DisposeAsync();

        Assert.NotNull(second);
        Assert.Equal(409, renew.Status);
        await second.RenewAsync();
    }

    [Fact]
    public async Task AutoRenewKeepsRenewingAndReportsALostLock()
    {
        var container = await CreateContainerAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));
        var held = await BlobLock.TryAcquireAsync(container, "auto", new BlobLockOptions { Duration = s_duration, AutoRenew = true, TimeProvider = time });
        Assert.NotNull(held);

        await time.WaitForTimerAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        await time.WaitForTimerAsync();
        Assert.False(held.LostToken.IsCancellationRequested);

        await container.GetBlobClient("auto").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        await using var thief = await BlobLock.TryAcquireAsync(container, "auto", s_duration);
        var lost = new TaskCompletionSource();
        held.LostToken.Register(lost.SetResult);
        time.Advance(TimeSpan.FromSeconds(5));

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await held.DisposeAsync();
        Assert.NotNull(thief);
    }

    private async Task<BlobContainerClient> CreateContainerAsync()
    {
        var container = StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("b"));
        await container.CreateIfNotExistsAsync();
        return container;
    }
}
