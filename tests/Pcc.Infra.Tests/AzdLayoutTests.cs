using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pcc.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Pcc.Infra.Tests;

/// <summary><c>azure.yaml</c>, the parameters file and the hooks fit together the way <c>azd up</c> uses them.</summary>
public sealed partial class AzdLayoutTests
{
    private static readonly YamlMappingNode AzureYaml = LoadAzureYaml();

    public static TheoryData<string> HookScripts() =>
        [.. Hooks().Select(h => (string)((YamlScalarNode)((YamlMappingNode)h.Value)["run"]).Value!)];

    [Fact]
    public void TheServiceIsTheFunctionAppProjectDeployedToTheTaggedFunctionApp()
    {
        var services = (YamlMappingNode)AzureYaml["services"];
        var (name, service) = Assert.Single(services.Children);
        var settings = (YamlMappingNode)service;

        Assert.Equal("function", settings["host"].ToString());
        Assert.Equal("dotnet", settings["language"].ToString());
        Assert.True(File.Exists(Repository.File(settings["project"].ToString(), "Pcc.Functions.csproj")));
        var app = Templates.Main.Single("Microsoft.Web/sites");
        Assert.Contains($"'azd-service-name', '{name}'", app.Json["tags"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HookScripts))]
    public void EveryHookScriptExistsAndIsValidShell(string script)
    {
        var path = Repository.File(script);
        Assert.True(File.Exists(path), $"{script} does not exist");

        var bash = Command.Run("bash", ["-n", path]);
        Assert.True(bash.ExitCode == 0, bash.ToString());
        var sh = Command.Run("sh", ["-n", path]);
        Assert.True(sh.ExitCode == 0, sh.ToString());
        if (Command.IsOnPath("shellcheck"))
        {
            var check = Command.Run("shellcheck", ["--shell=sh", path]);
            Assert.True(check.ExitCode == 0, check.ToString());
        }
    }

    [Fact]
    public void ThePostdeployHookGivesTheSubscriptionTemplateEveryParameterFromTheProvisionOutputs()
    {
        var run = ((YamlScalarNode)((YamlMappingNode)Hooks().Single(h => h.Key.ToString() == "postdeploy").Value)["run"]).Value!;
        var script = File.ReadAllText(Repository.File(run));
        var passed = PassedParameter().Matches(script).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["variable"].Value);
        var required = Templates.Subscription.Template["parameters"]!.AsObject().Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);
        var outputs = Templates.Main.Template["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();

        Assert.Contains("briefing-subscription.bicep", script, StringComparison.Ordinal);
        Assert.All(required, name =>
        {
            Assert.True(passed.ContainsKey(name), $"the hook does not pass {name}");
            Assert.Contains(passed[name], outputs);
        });
    }

    [Fact]
    public void ThePostdeployHookChecksTheDeploymentOnceTheSubscriptionExistsWithTheKeyKeptOffTheCommandLine()
    {
        var run = ((YamlScalarNode)((YamlMappingNode)Hooks().Single(h => h.Key.ToString() == "postdeploy").Value)["run"]).Value!;
        var script = File.ReadAllText(Repository.File(run));
        var outputs = Templates.Main.Template["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();

        var smoke = script.IndexOf("dotnet run --project", StringComparison.Ordinal);
        Assert.True(smoke > script.IndexOf("az deployment group create", StringComparison.Ordinal), "pcc smoke must run after the Event Grid subscription is deployed");
        var command = script[smoke..];
        Assert.Matches(@"^dotnet run --project .*/src/Pcc\.Cli"" -- smoke", command);
        foreach (var (option, variable) in new[] { ("--url", "AZURE_FUNCTION_APP_URL"), ("--storage-account", "AZURE_STORAGE_ACCOUNT_NAME") })
        {
            Assert.Matches($@"{option} ""\$({variable}|\{{{variable}\}})""", command);
            Assert.Contains(variable, outputs);
        }

        Assert.DoesNotContain("--key", command, StringComparison.Ordinal);
        Assert.Contains("export PCC_FUNCTION_KEY", script, StringComparison.Ordinal);
    }

    [Fact]
    public void TheParametersFileGivesEveryParameterTheTemplateNeedsAndNoOther()
    {
        var file = JsonNode.Parse(File.ReadAllText(Repository.File("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = Templates.Main.Template["parameters"]!.AsObject();

        Assert.All(declared.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(file.ContainsKey(p.Key), $"main.parameters.json does not give {p.Key}"));
        Assert.All(file, p => Assert.True(declared.ContainsKey(p.Key), $"main.bicep has no parameter {p.Key}"));
        Assert.All(file, p => Assert.Matches(@"^\$\{[A-Z_]+(=[^}]*)?\}$", (string)p.Value!["value"]!));
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Hooks() => ((YamlMappingNode)AzureYaml["hooks"]).Children;

    private static YamlMappingNode LoadAzureYaml()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Repository.File("azure.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    [GeneratedRegex(@"(?<name>[A-Za-z]+)=""\$(?<variable>[A-Z_]+)""")]
    private static partial Regex PassedParameter();
}
