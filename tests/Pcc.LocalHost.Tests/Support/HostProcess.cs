using System.Diagnostics;
using System.Text;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>
/// The local host run as its own process (<c>dotnet Pcc.LocalHost.dll</c> with the README's options), so a test can
/// kill it as a crash or an operator would: SIGKILL, no clean-up. Storage names are the test's own, through the
/// app's <c>Storage__*</c> settings in the environment.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri frontDoor, string adminKey)
    {
        _process = process;
        FrontDoor = frontDoor;
        AdminKey = adminKey;
        Http = new HttpClient { BaseAddress = frontDoor };
        Http.DefaultRequestHeaders.Add(LocalRequestPolicy.KeyHeader, adminKey);
    }

    public Uri FrontDoor { get; }

    /// <summary>The key the host was given (<c>--admin-key</c>), which <see cref="Http"/> sends.</summary>
    public string AdminKey { get; }

    public HttpClient Http { get; }

    /// <summary>What the host wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<HostProcess> StartAsync(Azurite azurite, string id)
    {
        var port = FreePort.Next();
        var args = new List<string>
        {
            "--port", port.ToString(), "--storage", azurite.ConnectionString,
            "--no-emulators", "--no-seed", "--host-id", "test-" + id, "--scan-interval", "00:00:00.2",
            "--RetryDelay", "00:00:00.05", "--PoisonQueueName", "poison-" + id,
        };

        // The test's names go in as the host's app settings, which reach the worker over local.settings(.sample).json;
        // environment variables alone would lose to that file's values.
        foreach (var (key, value) in TestHost.Options(azurite, id).Settings)
        {
            args.Add("--Settings:" + key);
            args.Add(value ?? string.Empty);
        }

        var host = Launch(port, args);
        await Eventually.Async(async () => host._process.HasExited || await host.AnswersAsync(), up => up, "the host to answer", TimeSpan.FromSeconds(60));
        return host._process.HasExited ? throw new InvalidOperationException($"The host exited with {host._process.ExitCode}: {host.Output}") : host;
    }

    /// <summary>
    /// Starts <c>dotnet Pcc.LocalHost.dll</c> on <paramref name="port"/> with <paramref name="args"/>, finding the app as
    /// <c>dotnet run</c> would: the repository and the Function App's build output (its worker.config.json), given as
    /// absolute paths because the child runs from the tests' own folder; and a key of the test's own.
    /// </summary>
    public static HostProcess Launch(int port, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Pcc.LocalHost.dll"));
        var adminKey = "test-key-" + Guid.NewGuid().ToString("N");
        foreach (var arg in args.Concat(["--repository", RepositoryRoot.Path, "--AppDirectory", FunctionAppBuild.Directory(RepositoryRoot.Path), "--admin-key", adminKey]))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"), adminKey);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>True while the host process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Stops the host as Ctrl+C would (SIGINT), so it stops its worker and the emulators it started.</summary>
    public async Task InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()])!)
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Kills the host at once, as a fatal crash would end it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await Http.GetAsync("api/themes");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
