using System.Diagnostics;
using Pcc.LocalHost;
using Pcc.Testing;

namespace Pcc.WorkerStartup;

/// <summary>The app folders the benchmark starts: the deployed form (published here), the build output, or a given folder.</summary>
internal static class AppDirectory
{
    private static readonly List<string> s_published = [];

    /// <summary>Deletes the folders this run published into.</summary>
    public static void DeletePublished() => s_published.ForEach(folder => Directory.Delete(folder, recursive: true));

    /// <summary>
    /// <c>publish</c>: the Function App published as <c>azd deploy</c> and <c>infra/package.sh</c> publish it, into a
    /// new temporary folder; <c>build</c>: its Release build output; anything else: a folder with worker.config.json.
    /// </summary>
    public static string Resolve(string app) => app switch
    {
        "publish" => Publish(),
        "build" => FunctionAppBuild.Directory(RepositoryRoot.Path),
        _ => Path.GetFullPath(app),
    };

    private static string Publish()
    {
        var output = Directory.CreateTempSubdirectory("pcc-startup-publish-").FullName;
        var project = FunctionAppBuild.ProjectDirectory(RepositoryRoot.Path);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "--configuration", "Release", "--output", output, "--nologo" })
        {
            info.ArgumentList.Add(argument);
        }

        Console.Error.WriteLine($"publishing {project} to {output}");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):{Environment.NewLine}{stdout.Result}{stderr.Result}");
        }

        s_published.Add(output);
        return output;
    }
}
