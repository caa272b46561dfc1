using System.Text.Json;

namespace Pcc.LocalHost.Worker;

/// <summary>
/// How to start an app's worker, from the <c>worker.config.json</c> that Microsoft.Azure.Functions.Worker.Sdk writes
/// next to the app (<c>description.defaultExecutablePath</c>, <c>defaultWorkerPath</c>), as the Functions host reads it.
/// </summary>
/// <param name="AppDirectory">The app's build or publish folder.</param>
/// <param name="Executable">The program to run, e.g. <c>dotnet</c>.</param>
/// <param name="WorkerPath">The worker assembly, relative to <paramref name="AppDirectory"/>.</param>
public sealed record WorkerConfig(string AppDirectory, string Executable, string WorkerPath)
{
    /// <summary>The file's name.</summary>
    public const string FileName = "worker.config.json";

    /// <summary>Reads <paramref name="appDirectory"/>'s worker.config.json.</summary>
    public static WorkerConfig Read(string appDirectory)
    {
        var path = Path.Combine(appDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} does not exist: build the Function App first (dotnet build), or point the local host at its output folder.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var description = document.RootElement.GetProperty("description");
        var executable = description.TryGetProperty("defaultExecutablePath", out var e) ? e.GetString() : null;
        var worker = description.TryGetProperty("defaultWorkerPath", out var w) ? w.GetString() : null;
        if (string.IsNullOrEmpty(executable) || string.IsNullOrEmpty(worker))
        {
            throw new InvalidOperationException($"{path} names no defaultExecutablePath and defaultWorkerPath.");
        }

        return new WorkerConfig(Path.GetFullPath(appDirectory), executable, worker);
    }
}
