using System.IO.Compression;

namespace Pcc.Infra.Tests.Support;

/// <summary>The package <c>infra/package.sh</c> builds, built once per test run.</summary>
internal static class DeploymentPackage
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Built = new(Build);

    /// <summary>Every file in the zip by its path inside it.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files => Built.Value;

    private static IReadOnlyDictionary<string, byte[]> Build()
    {
        var directory = Directory.CreateTempSubdirectory("pcc-package-");
        try
        {
            var zip = Path.Combine(directory.FullName, "pcc-functions.zip");
            var result = Command.Run("sh", [Repository.File("infra", "package.sh"), zip], timeout: TimeSpan.FromMinutes(10));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"infra/package.sh failed: {result}");
            }

            using var archive = ZipFile.OpenRead(zip);
            return archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, Read, StringComparer.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
