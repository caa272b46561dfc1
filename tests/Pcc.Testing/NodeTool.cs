using System.Diagnostics;
using System.Text;

namespace Pcc.Testing;

/// <summary>
/// A Node.js program from the repository's pinned <c>node_modules</c>, run as a child process.
/// Output is captured so a failed start can say why.
/// </summary>
public sealed class NodeTool : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeTool(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>node node_modules/{script}</c> on <paramref name="portCount"/> ports picked free and waits until it
    /// listens on all of them; a port taken by another process before the program binds it is picked again.
    /// </summary>
    public static async Task<(NodeTool Tool, int[] Ports)> StartOnFreePortsAsync(string package, string script, int portCount, Func<int[], IEnumerable<string>> arguments)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var ports = Enumerable.Range(0, portCount).Select(_ => FreePort.Next()).ToArray();
            var tool = Start(package, script, arguments(ports));
            try
            {
                await tool.WaitForPortsAsync(ports, TimeSpan.FromSeconds(60));
                return (tool, ports);
            }
            catch (InvalidOperationException) when (attempt < attempts)
            {
                await tool.DisposeAsync();
            }
        }
    }

    /// <summary>Starts <c>node node_modules/{script}</c> with the given arguments, under a watchdog that stops it when this process ends.</summary>
    public static NodeTool Start(string package, string script, IEnumerable<string> arguments)
    {
        var scriptPath = RepositoryRoot.Combine("node_modules", package, script);
        if (!File.Exists(scriptPath))
        {
            throw new InvalidOperationException(
                $"{package} is not installed ({scriptPath} is missing). Run `npm ci` in {RepositoryRoot.Path} first.");
        }

        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        // The watchdog stops the emulator when this test process ends, however it ends.
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "watchdog.js"));
        info.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(scriptPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var tool = new NodeTool(process);
        process.OutputDataReceived += (_, e) => tool.Append(e.Data);
        process.ErrorDataReceived += (_, e) => tool.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js (`node`) is not on PATH; the emulators need it.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Waits until every port accepts connections, failing fast if the process exits.</summary>
    public async Task WaitForPortsAsync(IEnumerable<int> ports, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (!await FreePort.IsListeningAsync(port))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"{_process.StartInfo.ArgumentList[0]} exited with code {_process.ExitCode} before listening on {port}:\n{Output}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Nothing listened on port {port} within {timeout}:\n{Output}");
                }

                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
