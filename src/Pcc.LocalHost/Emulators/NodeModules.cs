using System.ComponentModel;
using System.Diagnostics;

namespace Pcc.LocalHost.Emulators;

/// <summary>The repository's pinned emulators in <c>node_modules</c>, installed with <c>npm ci</c> when missing.</summary>
public static class NodeModules
{
    /// <summary>Azurite's entry point, relative to the repository root.</summary>
    public static readonly string Azurite = Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>MailDev's entry point, relative to the repository root.</summary>
    public static readonly string MailDev = Path.Combine("node_modules", "maildev", "bin", "maildev");

    /// <summary>Runs <c>npm ci</c> in <paramref name="root"/> unless every emulator script is already there.</summary>
    public static async Task EnsureInstalledAsync(string root, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(root, Azurite)) && File.Exists(Path.Combine(root, MailDev)))
        {
            return;
        }

        logger.LogInformation("Installing the emulators from package-lock.json (npm ci)…");
        var info = new ProcessStartInfo("npm") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                "npm is not on PATH. Install Node.js 20 or later (https://nodejs.org) to run the emulators, " +
                "or pass --storage \"<connection string>\" to use storage that is already running.", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {root} (exit code {process.ExitCode}):\n{await output}{await errors}");
            }
        }
    }
}
