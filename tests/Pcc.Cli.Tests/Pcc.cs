using Pcc.Testing;

namespace Pcc.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it writes.</summary>
internal static class Pcc
{
    public static string Seed(string name) => RepositoryRoot.Combine("seeds", name);

    public static string Fixture(string name) => RepositoryRoot.Combine("tests", "Pcc.Briefings.Tests", "Fixtures", name);

    public static CliRun Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CliApplication.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
