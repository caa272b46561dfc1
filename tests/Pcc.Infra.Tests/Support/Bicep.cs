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

        return Parse(result.StandardOutput);
    }

    /// <summary>
    /// A template that test classes running in parallel can all read. A parsed <see cref="JsonObject"/> or
    /// <see cref="JsonArray"/> builds its children on first access, and two threads doing so at once each build their own,
    /// so the same member read twice could be two different nodes; building every node here, before the tree is shared,
    /// leaves reads that only read.
    /// </summary>
    public static JsonObject Parse(string json)
    {
        var template = JsonNode.Parse(json)!.AsObject();
        Build(template);
        return template;
    }

    private static void Build(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    Build(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Build(item);
                }

                break;
        }
    }

    private static ProcessResult Run(params string[] arguments) => Command.Run(Repository.BicepPath, arguments);
}
