using System.Diagnostics;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

/// <summary>
/// Nothing outlives the host: the host runs as its own process (as <c>dotnet run</c> starts it) with the test worker,
/// and every process it started must be gone after an interrupt without a terminal or a SIGKILL.
/// </summary>
public sealed class ProcessLifetimeTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly string s_hostDll = Path.Combine(AppContext.BaseDirectory, "Pcc.LocalHost.dll");

    [Fact]
    public async Task AnInterruptToTheProcessGroupWithoutATerminalStopsTheHostAndEverythingItStarted()
    {
        // A non-interactive shell starts background jobs with SIGINT ignored; the host must still stop on it.
        var (shell, host) = await StartHostAsync("trap '' INT; setsid");
        var family = Descendants(host).Append(host).ToList();
        Assert.True(family.Count >= 3, "the host, the watchdog and the worker");

        Kill("-INT", "-" + Pgid(host));

        await AllGoneAsync(family);
        await shell.WaitForExitAsync();
    }

    [Fact]
    public async Task AKilledHostLeavesNoWorkerAzuriteOrMailDevBehind()
    {
        var ports = $"--BlobPort {FreePort.Next()} --QueuePort {FreePort.Next()} --TablePort {FreePort.Next()} --SmtpPort {FreePort.Next()} --MailWebPort {FreePort.Next()}";
        var (shell, host) = await StartHostAsync("setsid", ports);
        var family = Descendants(host).ToList();
        Assert.True(family.Count >= 4, "the worker, its watchdog, Azurite and MailDev");

        Kill("-KILL", host.ToString());

        await AllGoneAsync(family);
        await shell.WaitForExitAsync();
    }

    private async Task<(Process Shell, int Host)> StartHostAsync(string prefix, string? emulatorPorts = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var settings = TestWorkerApp.Settings(fixture.Azurite.ConnectionString, id);
        var ready = Path.Combine(Path.GetTempPath(), $"pcc-host-{id}.out");
        var storage = emulatorPorts ?? $"--no-emulators --storage '{fixture.Azurite.ConnectionString}'";
        var command = $"{prefix} dotnet '{s_hostDll}' {storage} --no-seed --port 0 " +
            $"--host-id test-{id} --AppDirectory '{TestWorkerApp.Directory}' --PoisonQueueName poison-{id} < /dev/null > '{ready}' 2>&1 & echo $!; wait";
        var info = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var shell = Process.Start(info)!;
        var pid = int.Parse((await shell.StandardOutput.ReadLineAsync())!.Trim());
        await Eventually.Async(() => Task.FromResult(File.Exists(ready) && File.ReadAllText(ready).Contains("Running.")), r => r, "the host to be running", TimeSpan.FromSeconds(60));
        return (shell, pid);
    }

    private static async Task AllGoneAsync(IReadOnlyList<int> pids) =>
        await Eventually.Async(() => Task.FromResult(pids.Where(p => Directory.Exists($"/proc/{p}") && !IsZombie(p)).ToList()), alive => alive.Count == 0,
            "every process to end", TimeSpan.FromSeconds(20));

    private static IEnumerable<int> Descendants(int pid)
    {
        var children = Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0).Where(p => p > 0 && ParentOf(p) == pid).ToList();
        return children.Concat(children.SelectMany(Descendants));
    }

    private static int ParentOf(int pid) => Stat(pid) is { } stat ? int.Parse(stat[1]) : 0;

    private static int Pgid(int pid) => int.Parse(Stat(pid)![2]);

    private static bool IsZombie(int pid) => Stat(pid)?[0] == "Z";

    // Fields after the command name in /proc/PID/stat: state, ppid, pgrp, …
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Kill(string signal, string target) => Process.Start("kill", [signal, "--", target])!.WaitForExit();
}
