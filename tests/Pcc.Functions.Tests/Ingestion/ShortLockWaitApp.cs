using Pcc.LocalHost;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>
/// The app with a short wait for the catalogue lock, so a test that holds the lock can make an attempt end in an error
/// (the host then retries it) within seconds instead of the two minutes an editor's ingest would wait.
/// </summary>
public sealed class ShortLockWaitApp : AppFixture
{
    /// <summary>How long an ingest waits for the catalogue lock here.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(8);

    protected override void Configure(LocalHostOptions options) =>
        options.Settings["Ingestion:LockWait"] = LockWait.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}
