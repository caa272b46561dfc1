namespace Pcc.LocalHost;

/// <summary>
/// Where the repository's Function App is built, in the configuration this host was built in. The Function App is the
/// project under <c>src/</c> that declares <c>AzureFunctionsVersion</c>; this host does not build it (the README's
/// quick start builds it first, and so do the test and benchmark projects that run it).
/// </summary>
public static class FunctionAppBuild
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The app's build output folder under <paramref name="repositoryRoot"/>.</summary>
    public static string Directory(string? repositoryRoot) => Path.Combine(ProjectDirectory(repositoryRoot), "bin", Configuration, "net10.0");

    /// <summary>The Function App's project folder: the one project directly under <c>src/</c> that declares <c>AzureFunctionsVersion</c>.</summary>
    public static string ProjectDirectory(string? repositoryRoot)
    {
        if (repositoryRoot is null)
        {
            throw new InvalidOperationException("The repository was not found, so the Function App's build output is unknown: pass --AppDirectory <folder with worker.config.json>.");
        }

        var source = Path.Combine(repositoryRoot, "src");
        var apps = System.IO.Directory.Exists(source)
            ? System.IO.Directory.EnumerateDirectories(source)
                .Where(folder => System.IO.Directory.EnumerateFiles(folder, "*.csproj").Any(project => File.ReadAllText(project).Contains("<AzureFunctionsVersion>", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        return apps.Count == 1
            ? apps[0]
            : throw new InvalidOperationException(
                $"{source} holds {(apps.Count == 0 ? "no project" : $"{apps.Count} projects")} declaring <AzureFunctionsVersion>, so the Function App's build output is unknown: pass --AppDirectory <folder with worker.config.json>.");
    }
}
