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
    public void AddTo(Command root) => root.Options.Add(Themes);
}
