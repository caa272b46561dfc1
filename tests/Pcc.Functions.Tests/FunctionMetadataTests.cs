using System.Diagnostics;
using System.Text.Json;
using Pcc.Functions.Hosting;
using Pcc.Testing;

namespace Pcc.Functions.Tests;

public sealed class FunctionMetadataTests
{
    [Theory]
    [InlineData(BlobTriggerBinding.EventGrid)]
    [InlineData(BlobTriggerBinding.LogsAndContainerScan)]
    public void EveryEmittedFunctionJsonHasTheDocumentedProperties(string blobSource)
    {
        var dir = Directory.CreateTempSubdirectory("pcc-functions-").FullName;
        try
        {
            var files = FunctionMetadataWriter.Write(PccFunctionCatalog.Create(blobSource), dir);

            Assert.Contains(files, f => f.EndsWith(Path.Combine("IngestBriefing", "function.json"), StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith(Path.Combine("CaseStudies", "function.json"), StringComparison.Ordinal));
            var problems = files.SelectMany(f => FunctionJsonRules.Check(Path.GetFileName(Path.GetDirectoryName(f))!, JsonDocument.Parse(File.ReadAllText(f)).RootElement)).ToList();
            Assert.Empty(problems);
            var ingest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "IngestBriefing", "function.json"))).RootElement.GetProperty("bindings")[0];
            Assert.Equal(blobSource, ingest.GetProperty("source").GetString());
            Assert.Equal("briefings/{name}", ingest.GetProperty("path").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("SendImmediateAlerts", "%DigestsImmediateSchedule%")]
    [InlineData("SendDailyDigests", "%DigestsDailySchedule%")]
    [InlineData("SendWeeklyDigests", "%DigestsWeeklySchedule%")]
    [InlineData("SendWeeklySummary", "%WeeklySummarySchedule%")]
    public void ATimerFunctionJsonNamesItsScheduleSettingAndUsesTheMonitor(string function, string schedule)
    {
        var dir = Directory.CreateTempSubdirectory("pcc-functions-").FullName;
        try
        {
            FunctionMetadataWriter.Write(PccFunctionCatalog.Create(BlobTriggerBinding.EventGrid), dir);

            var timer = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, function, "function.json"))).RootElement.GetProperty("bindings")[0];
            Assert.Equal("timerTrigger", timer.GetProperty("type").GetString());
            Assert.Equal(schedule, timer.GetProperty("schedule").GetString());
            Assert.True(timer.GetProperty("useMonitor").GetBoolean());
            Assert.False(timer.GetProperty("runOnStartup").GetBoolean());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TheRulesCatchABrokenDeclaration()
    {
        var broken = JsonDocument.Parse("""{"bindings":[{"type":"timerTrigger","direction":"in","name":"t","schedule":"0 30 7 * *"},{"type":"queue","direction":"out","name":"q"}]}""").RootElement;

        var problems = FunctionJsonRules.Check("Broken", broken).ToList();

        Assert.Contains(problems, p => p.Contains("six fields", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("useMonitor", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unexpected binding type 'queue'", StringComparison.Ordinal));
    }

    [Fact]
    public void HttpFunctionRoutesAreUnique()
    {
        var routes = PccFunctionCatalog.Create(BlobTriggerBinding.EventGrid).Select(f => f.Trigger).OfType<HttpTriggerBinding>().Select(h => h.Route).ToList();

        Assert.Equal(routes.Count, routes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task PublishGivesAFolderTheFunctionsHostRunsAsItIs()
    {
        var output = Directory.CreateTempSubdirectory("pcc-publish-").FullName;
        try
        {
            var publish = await RunAsync("dotnet", ["publish", RepositoryRoot.Combine("src", "Pcc.Functions"), "-c", "Release", "-o", output, "-p:BlobTriggerSource=LogsAndContainerScan"]);
            Assert.True(publish.ExitCode == 0, publish.Output);

            var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "host.json"))).RootElement;
            Assert.Equal("2.0", host.GetProperty("version").GetString());
            var customHandler = host.GetProperty("customHandler");
            var executable = Path.Combine(output, customHandler.GetProperty("description").GetProperty("defaultExecutablePath").GetString()!);
            Assert.True(File.Exists(executable), $"{executable} is missing");
            Assert.True(customHandler.GetProperty("enableForwardingHttpRequest").GetBoolean());
            Assert.True(File.Exists(Path.Combine(output, "libcoreclr.so")), "the handler is not self-contained");

            var functionFiles = Directory.GetFiles(output, "function.json", SearchOption.AllDirectories);
            Assert.Equal(PccFunctionCatalog.Create(BlobTriggerBinding.EventGrid).Count, functionFiles.Length);
            Assert.Empty(functionFiles.SelectMany(f => FunctionJsonRules.Check(Path.GetFileName(Path.GetDirectoryName(f))!, JsonDocument.Parse(File.ReadAllText(f)).RootElement)));
            Assert.Contains("LogsAndContainerScan", File.ReadAllText(Path.Combine(output, "IngestBriefing", "function.json")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
