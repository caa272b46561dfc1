using System.Reflection;

namespace Pcc.Infra.Tests.Support;

/// <summary>Where the repository and the Bicep CLI are, as the build recorded them.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}
