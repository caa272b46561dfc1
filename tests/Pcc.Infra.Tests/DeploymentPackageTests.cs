using System.Text;
using System.Text.Json.Nodes;
using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>The package <c>infra/package.sh</c> builds is what Flex Consumption runs: an isolated-worker app at the zip's root.</summary>
public sealed class DeploymentPackageTests
{
    [Theory]
    [InlineData("host.json")]
    [InlineData("functions.metadata")]
    [InlineData("worker.config.json")]
    [InlineData("extensions.json")]
    public void ThePackageHoldsWhatTheFunctionsHostReads(string file)
    {
        Assert.Contains(file, DeploymentPackage.Files.Keys);
    }

    [Fact]
    public void TheWorkerTheConfigNamesIsInThePackage()
    {
        var config = Json("worker.config.json");
        var worker = (string)config["description"]!["defaultWorkerPath"]!;

        Assert.Contains(worker, DeploymentPackage.Files.Keys);
    }

    [Fact]
    public void TheMetadataDeclaresEveryFunctionWithTheBindingsTheAppDeclares()
    {
        var metadata = Json("functions.metadata").AsArray();
        var names = metadata.Select(f => (string)f!["name"]!).ToList();

        Assert.Equal(AppSurface.Functions.Order(), names.Order());
        var ingest = Assert.Single(metadata, f => ((JsonArray)f!["bindings"]!).Any(b => (string?)b!["type"] == "blobTrigger"))!;
        var trigger = ingest["bindings"]!.AsArray().Single(b => (string?)b!["type"] == "blobTrigger")!;
        Assert.Equal("EventGrid", (string?)trigger["source"]);
        Assert.Equal(AppSurface.DefaultConnection, AppSurface.Resolve((string?)trigger["connection"] ?? AppSurface.DefaultConnection, Templates.Main.AppSettings()));
    }

    [Fact]
    public void EveryExtensionTheHostLoadsIsInThePackageIncludingTheBlobTriggers()
    {
        var extensions = Json("extensions.json")["extensions"]!.AsArray();

        Assert.Contains(extensions, e => (string?)e!["name"] == "AzureStorageBlobs");
        Assert.All(extensions, e => Assert.Contains(Path.GetRelativePath(".", (string)e!["hintPath"]!), DeploymentPackage.Files.Keys));
    }

    [Fact]
    public void ThePackageCarriesNoLocalSettings()
    {
        Assert.DoesNotContain(DeploymentPackage.Files.Keys, f => f.EndsWith("local.settings.json", StringComparison.OrdinalIgnoreCase));
    }

    private static JsonNode Json(string file) => JsonNode.Parse(Encoding.UTF8.GetString(DeploymentPackage.Files[file]))!;
}
