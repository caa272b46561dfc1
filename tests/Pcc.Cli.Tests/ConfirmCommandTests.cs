using System.Diagnostics;
using Pcc.Catalogue.Ingestion;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Cli.Tests;

/// <summary><c>pcc confirm</c> reads the app's settings through the app's own registration.</summary>
public sealed class ConfirmCommandTests
{
    [Fact]
    public async Task ConfirmWaitsForTheCatalogueLockOnlyAsLongAsIngestionLockWaitSays()
    {
        var settings = UniqueStorage.Settings(Guid.NewGuid().ToString("N")[..12]);
        var azurite = await Azurite.GetAsync();
        await using var app = await HostlessApp.CreateAsync(settings: settings);
        await app.Store.EnsureCreatedAsync(CancellationToken.None);
        await using var held = await CatalogueLock.AcquireAsync(app.Store, TimeSpan.FromSeconds(30), CancellationToken.None);
        StorageSettings.Overrides = new Dictionary<string, string?>(settings) { ["Ingestion:LockWait"] = "00:00:02" };

        // The default wait is two minutes; with the setting honoured the lock held above fails it within seconds.
        var clock = Stopwatch.StartNew();
        var run = Pcc.Run("confirm", "no-such-briefing", "1", "--connection", azurite.ConnectionString);

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"confirm waited {clock.Elapsed} for the lock");
    }

    [Fact]
    public void ConfirmRefusesAnIngestionSettingTheAppWouldRefuseAndNamesIt()
    {
        StorageSettings.Overrides = new Dictionary<string, string?> { ["Ingestion:LockWait"] = "00:00:00" };

        var run = Pcc.Run("confirm", "some-briefing", "1", "--connection", "UseDevelopmentStorage=true");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Ingestion:LockWait must be a duration above zero", run.Error, StringComparison.Ordinal);
    }
}
