using System.Diagnostics;
using System.Text.Json;
using Pcc.Testing;

namespace Pcc.Functions.Tests;

/// <summary>
/// <c>dotnet publish src/Pcc.Functions -c Release</c> into a temporary folder, once for the test classes that share it,
/// exactly as the README tells a user to publish for Flex Consumption.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("pcc-publish-").FullName;

    public string Output { get; private set; } = "";

    public int ExitCode { get; private set; }

    /// <summary>The entries of <c>functions.metadata</c>, by function name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Functions { get; private set; } = new Dictionary<string, JsonElement>();

    public async Task InitializeAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", RepositoryRoot.Combine("src", "Pcc.Functions"), "-c", "Release", "-o", Folder })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        ExitCode = process.ExitCode;
        Output = await stdout + await stderr;

        var metadata = Path.Combine(Folder, "functions.metadata");
        if (File.Exists(metadata))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(metadata));
            Functions = document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
        }
    }

    public JsonElement Json(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement.Clone();

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
