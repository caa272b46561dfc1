using System.CommandLine;
using Pcc.Cli.Commands;

namespace Pcc.Cli;

/// <summary>
/// The <c>pcc</c> command line: one command per file under Commands/, wired here. Runs in-process with any
/// output writers, so tests call <see cref="Run"/> exactly as <c>Program</c> does.
/// </summary>
public static class CliApplication
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("Parse and compare briefing documents about innovation in policing and criminal justice.")
        {
            ParseCommand.Create(options),
            DiffCommand.Create(options),
            UploadCommand.Create(options.Connection),
            ConfirmCommand.Create(options.Connection),
            PoisonCommand.Create(options.Connection),
            SubscribersCommand.Create(options.Connection),
            SmokeCommand.Create(options.Connection),
        };
        options.AddTo(root);

        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).GetAwaiter().GetResult();
    }
}
