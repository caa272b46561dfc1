using System.CommandLine;

namespace Pcc.Cli;

/// <summary>Options every command accepts.</summary>
public sealed class GlobalOptions
{
    /// <summary>
    /// The theme taxonomy file. Default: <c>seeds/themes.json</c> in the current directory or a parent of it, then
    /// beside the tool, then the copy built into the library.
    /// </summary>
    public Option<FileInfo?> Themes { get; } = new("--themes")
    {
        Description = "Theme taxonomy JSON (default: seeds/themes.json found upwards from the current directory, else the built-in copy).",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command so every subcommand sees them.</summary>
    /// <summary>The storage connection string for commands that talk to the app's storage.</summary>
    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Storage connection string (default: the AzureWebJobsStorage setting, else the local emulator).",
        Recursive = true,
    };

    /// <summary>Adds the global options to the root command.</summary>
    public void AddTo(Command root)
    {
        root.Options.Add(Themes);
        root.Options.Add(Connection);
    }
}
