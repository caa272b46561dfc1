using System.Diagnostics;

namespace Pcc.Infra.Tests.Support;

/// <summary>Runs a command to completion and captures its output.</summary>
internal static class Command
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Bicep checks for a newer version and sends telemetry unless told not to; tests stay offline.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["BICEP_TELEMETRY_DISABLED"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish in time.");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static bool IsOnPath(string fileName) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => System.IO.File.Exists(Path.Combine(dir, fileName)));
}
