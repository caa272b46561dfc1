namespace Pcc.LocalHost;

/// <summary>Where the repository's Function App (src/Pcc.Functions) is built, in the configuration this host was built in.</summary>
public static class FunctionAppBuild
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The app's build output folder under <paramref name="repositoryRoot"/>.</summary>
    public static string Directory(string? repositoryRoot) => repositoryRoot is null
        ? throw new InvalidOperationException("The repository was not found, so the Function App's build output is unknown: pass --AppDirectory <folder with worker.config.json>.")
        : Path.Combine(repositoryRoot, "src", "Pcc.Functions", "bin", Configuration, "net10.0");
}
