using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Pcc.LocalHost.Emulators;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

public sealed class EmulatorSupervisorTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnAzuriteAlreadyListeningIsUsedAndNoOtherIsStarted()
    {
        var options = new LocalHostOptions
        {
            BlobPort = fixture.Azurite.BlobEndpoint.Port,
            QueuePort = fixture.Azurite.QueueEndpoint.Port,
            TablePort = fixture.Azurite.TableEndpoint.Port,
            StartMailDev = false,
        };

        await using var emulators = await EmulatorSupervisor.StartAsync(options, RepositoryRoot.Path, startAzurite: true, NullLogger.Instance, default);

        Assert.Empty(emulators.Started);
        Assert.Equal(fixture.Azurite.BlobEndpoint, emulators.BlobEndpoint);
    }

    [Fact]
    public async Task AnAzuriteTheHostStartedIsStoppedWithTheHost()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var options = TestHost.Options(fixture.Azurite, id);
        options.AppDirectory = TestWorkerApp.Directory;
        foreach (var (key, value) in TestWorkerApp.Settings(fixture.Azurite.ConnectionString, id))
        {
            options.Settings[key] = value;
        }

        options.StartEmulators = true;
        options.StorageConnectionString = null;
        options.StartMailDev = false;
        (options.BlobPort, options.QueuePort, options.TablePort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());

        var host = await LocalFunctionHost.StartAsync(options);
        var azurite = Assert.Single(host.Emulators!.Started);
        Assert.Equal("Azurite", azurite.Name);
        Assert.False(azurite.HasExited);
        using (var http = new HttpClient { BaseAddress = host.FrontDoorAddress })
        {
            // The host works with the Azurite it started; on a loaded machine a request the worker could not pair with
            // its invocation in time answers 500, as on the Functions host, so the answer is waited for.
            var status = await Eventually.Async(
                async () => (await http.GetAsync("api/echo/alive")).StatusCode, s => (int)s < 300, "the echo function's answer");
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
        }

        await host.DisposeAsync();

        Assert.True(azurite.HasExited);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(azurite.ProcessId));
        Assert.False(await PortProbe.IsListeningAsync(options.BlobPort));
    }

    [Fact]
    public async Task PortsTakenBySomethingElseAreReportedRatherThanStartingOver()
    {
        var options = new LocalHostOptions
        {
            BlobPort = fixture.Azurite.BlobEndpoint.Port,
            QueuePort = FreePort.Next(),
            TablePort = FreePort.Next(),
            StartMailDev = false,
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EmulatorSupervisor.StartAsync(options, RepositoryRoot.Path, startAzurite: true, NullLogger.Instance, default));

        Assert.Contains(options.BlobPort.ToString(), error.Message);
    }
}
