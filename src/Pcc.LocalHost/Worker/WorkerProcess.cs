using System.ComponentModel;
using System.Diagnostics;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// One worker process, started as the Functions host starts a language worker: the program and assembly from
/// <c>worker.config.json</c>, the gRPC arguments, the app settings as environment variables and the app folder as
/// working directory. It runs under <c>host-watchdog.js</c>, which ends it when this host's process is gone, however
/// the host ended. Its standard output goes to the <c>Worker</c> log.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Queue<string> _errorTail = new();

    private WorkerProcess(Process process) => _process = process;

    /// <summary>
    /// The last lines the process wrote to standard error, once its output has been read to the end (waiting up to
    /// <paramref name="timeout"/>): a worker that stops at start-up says why there, as the Functions host shows it.
    /// </summary>
    public async Task<string> ErrorTailAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        lock (_errorTail)
        {
            return string.Join(Environment.NewLine, _errorTail);
        }
    }

    private void KeepError(string line)
    {
        lock (_errorTail)
        {
            _errorTail.Enqueue(line);
            if (_errorTail.Count > 40)
            {
                _errorTail.Dequeue();
            }
        }
    }

    /// <summary>Completes with the exit code when the process has ended.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>The watchdog's process id (the worker is its only child).</summary>
    public int ProcessId { get; private set; }

    /// <summary>Starts the worker <paramref name="workerId"/>, connecting to <paramref name="grpcUri"/>.</summary>
    public static WorkerProcess Start(WorkerConfig config, Uri grpcUri, string workerId, IReadOnlyDictionary<string, string?> environment, ILogger logger)
    {
        var watchdog = Path.Combine(AppContext.BaseDirectory, "host-watchdog.js");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = config.AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            watchdog, Environment.ProcessId.ToString(), "--exec", config.Executable, Path.Combine(config.AppDirectory, config.WorkerPath),
            "--functions-uri", grpcUri.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", Guid.NewGuid().ToString(),
            "--functions-grpc-max-message-length", int.MaxValue.ToString(),
        })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            // Configuration keys travel as environment variables with '__' for ':' (what every platform accepts).
            info.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) { logger.LogDebug("{Line}", e.Data); } };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                logger.LogWarning("{Line}", e.Data);
                worker.KeepError(e.Data);
            }
        };
        process.Exited += (_, _) => worker._exited.TrySetResult(process.ExitCode);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js (`node`) is not on PATH; the local host runs the worker under a Node.js watchdog. Install Node.js 20 or later.", ex);
        }

        worker.ProcessId = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits up to <paramref name="grace"/> for the process to end, then kills it and its children.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            await _exited.Task.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            Kill();
            await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Kills the process and its children at once.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Kills the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero);
        _process.Dispose();
    }
}
