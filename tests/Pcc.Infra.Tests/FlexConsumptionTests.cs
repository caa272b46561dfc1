using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>The Function App is a Flex Consumption app running the .NET version the app is built for.</summary>
public sealed class FlexConsumptionTests
{
    [Fact]
    public void ThePlanIsFlexConsumptionOnLinux()
    {
        var plan = Templates.Main.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Property("sku.name").Text);
        Assert.Equal("FlexConsumption", plan.Property("sku.tier").Text);
        Assert.Equal("true", plan.Property("properties.reserved").Text.ToLowerInvariant());
        Assert.Contains("linux", Templates.Main.Single("Microsoft.Web/sites").Property("kind").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRuntimeIsTheIsolatedWorkerOnTheDotnetVersionTheAppTargets()
    {
        var runtime = Templates.Main.Single("Microsoft.Web/sites").Property("properties.functionAppConfig.runtime").Node!;

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal(AppSurface.DotnetVersion, (string?)runtime["version"]);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    public void NoSettingFlexConsumptionRejectsIsSet(string setting)
    {
        // Flex Consumption takes the runtime and the package from functionAppConfig and refuses these settings.
        Assert.DoesNotContain(setting, Templates.Main.AppSettings().Keys);
    }

    [Fact]
    public void TheAppUsesHttpsOnly()
    {
        Assert.Equal("true", Templates.Main.Single("Microsoft.Web/sites").Property("properties.httpsOnly").Text.ToLowerInvariant());
    }
}
