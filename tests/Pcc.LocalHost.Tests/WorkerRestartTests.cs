using System.Text;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

public sealed class WorkerRestartTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AWorkerThatCrashesIsStartedAgainAndTheLostInvocationIsRetried()
    {
        await using var test = await TestHost.StartWorkerAsync(fixture.Azurite);
        var firstWorker = test.Host.Worker.ProcessId;

        await test.UploadAsync(test.Inbox, "crash.txt", Encoding.UTF8.GetBytes("crash"));

        Assert.Equal("crash.txt|crash", await Eventually.Async(() => test.ResultAsync("copy-crash.txt"), r => r is not null, "the retried copy", TimeSpan.FromSeconds(60)));
        Assert.Equal(2, test.Host.Worker.Starts);
        Assert.NotEqual(firstWorker, test.Host.Worker.ProcessId);
        Assert.Empty(await test.Host.PoisonQueue.ListAsync());
    }
}
