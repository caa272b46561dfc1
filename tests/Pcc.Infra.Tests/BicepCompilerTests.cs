using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

public sealed class BicepCompilerTests
{
    public static TheoryData<string> BicepFiles() => [.. Templates.BicepFiles().Select(f => Path.GetRelativePath(Repository.Root, f))];

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void EveryBicepFileCompilesWithoutErrorsOrWarnings(string file)
    {
        var result = Bicep.Build(Repository.File(file));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Trim().Length == 0, result.StandardError);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void EveryBicepFilePassesTheLinter(string file)
    {
        var result = Bicep.Lint(Repository.File(file));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True((result.StandardOutput + result.StandardError).Trim().Length == 0, result.ToString());
    }
}
