namespace Pcc.LocalHost;

/// <summary>
/// Reads the options from the command line and the environment (<c>LocalHost__Port=7072</c>):
/// <c>--port 7071</c>, <c>--storage "&lt;connection string&gt;"</c>, <c>--no-emulators</c>, <c>--no-seed</c>,
/// <c>--host-id ID</c>, <c>--admin-key KEY</c>, <c>--scan-interval 00:00:02</c>, <c>--function-timeout 00:00:30</c>, any option by name (<c>--MaxAttempts 3</c>) and app settings
/// (<c>--Settings:Storage:TablePrefix dev</c>).
/// </summary>
public static class LocalHostCommandLine
{
    private static readonly Dictionary<string, string> s_aliases = new()
    {
        ["--port"] = "LocalHost:Port",
        ["--storage"] = "LocalHost:StorageConnectionString",
        ["--host-id"] = "LocalHost:HostId",
        ["--scan-interval"] = "LocalHost:ScanInterval",
        ["--repository"] = "LocalHost:RepositoryRoot",
        ["--admin-key"] = "LocalHost:AdminKey",
        ["--function-timeout"] = "LocalHost:FunctionTimeout",
    };

    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: dotnet run --project src/Pcc.LocalHost [-- [--port 7071] [--storage \"<connection string>\"] [--no-emulators] [--no-seed] [--host-id ID] [--admin-key KEY] [--scan-interval 00:00:01] [--function-timeout 00:10:00]]";

    /// <summary>Parses <paramref name="args"/>.</summary>
    public static LocalHostOptions Parse(string[] args)
    {
        var flags = args.Where(a => a is "--no-emulators" or "--no-seed").ToHashSet();
        var rest = args.Where(a => !flags.Contains(a)).Select(a => a.StartsWith("--", StringComparison.Ordinal) && !s_aliases.ContainsKey(a) && !a.Contains('=') ? "--LocalHost:" + a[2..] : a).ToArray();
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(rest, s_aliases)
            .Build();

        var options = configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        // The binder cannot put a nested key (--Settings:Storage:TablePrefix) into the Settings dictionary: copied by path.
        foreach (var (key, value) in configuration.GetSection(LocalHostOptions.Section + ":Settings").AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                options.Settings[key] = value;
            }
        }

        options.StartEmulators &= !flags.Contains("--no-emulators");
        options.Seed &= !flags.Contains("--no-seed");
        return options;
    }
}
