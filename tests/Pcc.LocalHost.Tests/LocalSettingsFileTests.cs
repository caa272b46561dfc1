using Pcc.LocalHost.Settings;

namespace Pcc.LocalHost.Tests;

/// <summary>local.settings.json as Core Tools reads it: its values become app settings unless the environment has them.</summary>
public sealed class LocalSettingsFileTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pcc-settings-");

    [Fact]
    public void AVariableAlreadyInTheEnvironmentWinsOverTheFileAndTheRestAreKept()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "local.settings.json"), """
            {
              "IsEncrypted": false,
              "Values": {
                "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
                "Storage__TablePrefix": "fromfile",
                "Email:SendGrid:ApiKey": "from-file",
                "DigestsDailySchedule": "0 30 7 * * *"
              }
            }
            """);
        var environment = new Dictionary<string, string>
        {
            ["Storage__TablePrefix"] = "fromenvironment",
            ["Email:SendGrid:ApiKey"] = "from-environment",
            ["DigestsDailySchedule"] = "",
        };

        var kept = LocalSettingsFile.YieldToEnvironment(LocalSettingsFile.Read(_root.FullName), environment.GetValueOrDefault, out var skipped);

        Assert.Equal(["Email:SendGrid:ApiKey", "Storage:TablePrefix"], skipped.Order());
        Assert.Equal("dotnet-isolated", kept["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("0 30 7 * * *", kept["DigestsDailySchedule"]);
        Assert.False(kept.ContainsKey("Storage:TablePrefix"));
    }

    [Fact]
    public void WithoutLocalSettingsTheSampleFileIsRead()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "local.settings.sample.json"), """{ "Values": { "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated" } }""");

        Assert.Equal("dotnet-isolated", LocalSettingsFile.Read(_root.FullName)["FUNCTIONS_WORKER_RUNTIME"]);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
