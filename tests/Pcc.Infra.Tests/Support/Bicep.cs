using System.Text.Json.Nodes;

namespace Pcc.Infra.Tests.Support;

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine package.</summary>
internal static class Bicep
{
    public static ProcessResult Build(string bicepFile) => Run("build", bicepFile, "--stdout");

    public static ProcessResult Lint(string bicepFile) => Run("lint", bicepFile);

    /// <summary>The compiled ARM template; throws with the compiler's output when it does not compile.</summary>
    public static JsonObject Compile(string bicepFile)
    {
        var result = Build(bicepFile);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {bicepFile} failed: {result}");
        }

        return JsonNode.Parse(result.StandardOutput)!.AsObject();
    }

    private static ProcessResult Run(params string[] arguments) => Command.Run(Repository.BicepPath, arguments);
}
