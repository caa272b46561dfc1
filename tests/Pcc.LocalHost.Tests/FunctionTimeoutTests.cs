using Pcc.LocalHost.Worker;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

/// <summary>host.json <c>functionTimeout</c>, read as the Functions host reads it.</summary>
public sealed class FunctionTimeoutTests : IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("pcc-app-").FullName;

    [Fact]
    public void TheAppsHostJsonSetsTheTimeout()
    {
        File.Copy(RepositoryRoot.Combine("host.json"), Path.Combine(_app, "host.json"));

        Assert.Equal(TimeSpan.FromMinutes(10), FunctionTimeout.Read(_app));
    }

    [Theory]
    [InlineData(null, "00:30:00")]
    [InlineData("{ \"version\": \"2.0\" }", "00:30:00")]
    [InlineData("{ \"version\": \"2.0\", \"functionTimeout\": \"00:00:05\" }", "00:00:05")]
    [InlineData("{ \"version\": \"2.0\", \"functionTimeout\": \"-1\" }", null)]
    public void AnUnsetTimeoutIsThirtyMinutesAndMinusOneIsNoLimit(string? hostJson, string? expected)
    {
        if (hostJson is not null)
        {
            File.WriteAllText(Path.Combine(_app, "host.json"), hostJson);
        }

        Assert.Equal(expected is null ? null : TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FunctionTimeout.Read(_app));
    }

    [Fact]
    public void ATimeoutUnderASecondIsRefused()
    {
        File.WriteAllText(Path.Combine(_app, "host.json"), "{ \"functionTimeout\": \"00:00:00.5\" }");

        var error = Assert.Throws<InvalidOperationException>(() => FunctionTimeout.Read(_app));

        Assert.Contains("functionTimeout '00:00:00.5'", error.Message);
    }

    public void Dispose() => Directory.Delete(_app, recursive: true);
}
