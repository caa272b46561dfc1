namespace Pcc.LocalHost.Tests;

public sealed class LocalHostCommandLineTests
{
    [Fact]
    public void AppSettingsGivenOnTheCommandLineReachTheApp()
    {
        var options = LocalHostCommandLine.Parse(["--port", "7072", "--Settings:Storage:TablePrefix", "dev", "--Settings:DigestBatchQueue", "batches-dev", "--AppDirectory", "/srv/app"]);

        Assert.Equal("dev", options.Settings["Storage:TablePrefix"]);
        Assert.Equal("batches-dev", options.Settings["DigestBatchQueue"]);
        Assert.Equal(("/srv/app", 7072), (options.AppDirectory, options.Port));
    }

    [Fact]
    public void TheKeyCanBeGivenOnTheCommandLine()
    {
        Assert.Equal("my-key", LocalHostCommandLine.Parse(["--admin-key", "my-key"]).AdminKey);
        Assert.Null(LocalHostCommandLine.Parse([]).AdminKey);
    }

    [Fact]
    public void AShorterFunctionTimeoutCanBeGivenOnTheCommandLine()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), LocalHostCommandLine.Parse(["--function-timeout", "00:00:30"]).FunctionTimeout);
        Assert.Null(LocalHostCommandLine.Parse([]).FunctionTimeout);
    }
}
