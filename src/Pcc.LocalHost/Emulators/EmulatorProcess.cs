using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Pcc.LocalHost.Emulators;

/// <summary>
/// An emulator this host started: a Node.js script from the repository's <c>node_modules</c>, run as a child
/// process under <c>host-watchdog.js</c> (so it ends with this host even when the host is killed), whose output is
/// kept so a failed start can say why. Disposing stops it and its children.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _stopped;

    private EmulatorProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>The emulator's name, for messages.</summary>
    public string Name { get; }

    /// <summary>The operating system's id of the process.</summary>
    public int ProcessId { get; private set; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _stopped || _process.HasExited;

    /// <summary>What the process has written so far.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Starts <c>node {script} {arguments}</c> in <paramref name="root"/>.</summary>
    public static EmulatorProcess Start(string name, string root, string script, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "host-watchdog.js"));
        info.ArgumentList.Add(Environment.ProcessId.ToString());
        info.ArgumentList.Add(Path.Combine(root, script));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var emulator = new EmulatorProcess(name, process);
        process.OutputDataReceived += (_, e) => emulator.Append(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"Node.js (`node`) is not on PATH, so {name} cannot start. Install Node.js 20 or later (https://nodejs.org).", ex);
        }

        emulator.ProcessId = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return emulator;
    }

    /// <summary>Waits until every port accepts connections; fails fast, with the output, if the process exits.</summary>
    public async Task WaitForPortsAsync(IEnumerable<int> ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (!await PortProbe.IsListeningAsync(port, cancellationToken))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before listening on port {port}:\n{Output}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{Name} did not listen on port {port} within {timeout.TotalSeconds:0} s:\n{Output}");
                }

                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>Stops the process and everything it started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // The process never started or is already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
