using System.Text.Json;

namespace Pcc.Cli.Tests;

/// <summary>What one run of the command line returned and wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}
