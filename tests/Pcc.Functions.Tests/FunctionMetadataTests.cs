using System.Net.Http.Json;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Pcc.Functions.Digests;
using Pcc.LocalHost;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests;

/// <summary>What <c>dotnet publish</c> gives Flex Consumption, compared with the functions the app declares in code.</summary>
public sealed class FunctionMetadataTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    [Fact]
    public void PublishGivesTheFilesTheFunctionsHostRunsOnLinux()
    {
        Assert.True(published.ExitCode == 0, published.Output);
        foreach (var file in new[] { "functions.metadata", "worker.config.json", "extensions.json", "host.json", "Pcc.Functions.dll" })
        {
            Assert.True(File.Exists(Path.Combine(published.Folder, file)), $"{file} is missing from the publish folder");
        }

        var worker = published.Json("worker.config.json").GetProperty("description");
        Assert.Equal("dotnet-isolated", worker.GetProperty("language").GetString());
        Assert.Equal("Pcc.Functions.dll", worker.GetProperty("defaultWorkerPath").GetString());
        var host = published.Json("host.json");
        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.False(host.TryGetProperty("customHandler", out _), "host.json still declares a custom handler");
        var extensions = published.Json("extensions.json").GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("AzureStorageBlobs", extensions);
        Assert.Empty(Directory.GetFiles(published.Folder, "function.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void ThePublishedAssembliesArePrecompiledSoTheWorkerStartsWithLessJitCompilation()
    {
        Assert.True(published.ExitCode == 0, published.Output);
        // The app's own assemblies and a package's: ReadyToRun code sits behind the CLI header's managed native header.
        foreach (var assembly in new[] { "Pcc.Functions.dll", "Pcc.Catalogue.dll", "Azure.Data.Tables.dll" })
        {
            using var pe = new PEReader(File.OpenRead(Path.Combine(published.Folder, assembly)));
            Assert.True(pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} in the publish folder is not ReadyToRun");
        }
    }

    [Fact]
    public void FunctionsMetadataListsExactlyTheDeclaredFunctions()
    {
        Assert.True(published.ExitCode == 0, published.Output);

        Assert.Equal(DeclaredFunction.All.Select(f => f.Name).Order(), published.Functions.Keys.Order());
        Assert.Contains("IngestBriefing", published.Functions.Keys);
        Assert.Contains("CaseStudies", published.Functions.Keys);
        foreach (var declared in DeclaredFunction.All)
        {
            var metadata = published.Functions[declared.Name];
            Assert.Equal(declared.EntryPoint, metadata.GetProperty("entryPoint").GetString());
            Assert.Equal("Pcc.Functions.dll", metadata.GetProperty("scriptFile").GetString());
            Assert.Empty(FunctionJsonRules.Check(declared.Name, metadata));
        }
    }

    [Fact]
    public void EachTriggerInTheMetadataIsTheOneDeclaredInCode()
    {
        Assert.True(published.ExitCode == 0, published.Output);

        foreach (var declared in DeclaredFunction.All)
        {
            var trigger = published.Functions[declared.Name].GetProperty("bindings").EnumerateArray().Single(b => Text(b, "type")!.EndsWith("Trigger", StringComparison.Ordinal));
            Assert.Equal(declared.TriggerParameter.Name, Text(trigger, "name"));
            switch (declared.Trigger)
            {
                case BlobTriggerAttribute blob:
                    Assert.Equal(("blobTrigger", blob.BlobPath, blob.Connection, blob.Source.ToString()), (Text(trigger, "type"), Text(trigger, "path"), Text(trigger, "connection"), Text(trigger, "source")));
                    break;
                case TimerTriggerAttribute timer:
                    Assert.Equal(("timerTrigger", timer.Schedule), (Text(trigger, "type"), Text(trigger, "schedule")));
                    break;
                case QueueTriggerAttribute queue:
                    Assert.Equal(("queueTrigger", queue.QueueName), (Text(trigger, "type"), Text(trigger, "queueName")));
                    break;
                case HttpTriggerAttribute http:
                    // Only the editors' and operators' write routes need a function key; every other route is anonymous.
                    var expectedLevel = declared.Name is "ConfirmBriefingVersion" or "RemoveBriefing" or "RefreshRelatedCaseStudies" ? "function" : "anonymous";
                    Assert.Equal(("httpTrigger", http.Route, expectedLevel, expectedLevel),
                        (Text(trigger, "type"), Text(trigger, "route"), http.AuthLevel.ToString().ToLowerInvariant(), Text(trigger, "authLevel")?.ToLowerInvariant()));
                    Assert.Equal(http.Methods!.Select(m => m.ToLowerInvariant()), trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
                    break;
                default:
                    Assert.Fail($"{declared.Name}: unexpected trigger {declared.Trigger.GetType().Name}");
                    break;
            }
        }
    }

    [Fact]
    public void IngestBriefingIsAnEventGridBlobTriggerOnTheBriefingsContainer()
    {
        Assert.True(published.ExitCode == 0, published.Output);

        var trigger = published.Functions["IngestBriefing"].GetProperty("bindings")[0];
        // The container and the connection are the settings the app's store reads, so the two cannot part.
        Assert.Equal("%Storage:BriefingsContainer%/{name}", Text(trigger, "path"));
        Assert.Equal("%Storage:Connection%", Text(trigger, "connection"));
        Assert.Equal("EventGrid", Text(trigger, "source"));
    }

    [Theory]
    [InlineData("SendImmediateAlerts", "%DigestsImmediateSchedule%")]
    [InlineData("SendDailyDigests", "%DigestsDailySchedule%")]
    [InlineData("SendWeeklyDigests", "%DigestsWeeklySchedule%")]
    [InlineData("SendWeeklySummary", "%WeeklySummarySchedule%")]
    [InlineData("PurgeExpiredRequests", "%SubscriptionsPurgeSchedule%")]
    public void ATimerNamesItsScheduleSettingAndTheSettingHasASixFieldDefault(string function, string schedule)
    {
        Assert.True(published.ExitCode == 0, published.Output);

        var timer = published.Functions[function].GetProperty("bindings")[0];
        Assert.Equal("timerTrigger", Text(timer, "type"));
        Assert.Equal(schedule, Text(timer, "schedule"));
        var setting = schedule.Trim('%');
        var defaults = DigestTimers.DefaultSchedules.Concat(Pcc.Functions.Subscriptions.PurgeExpiredRequestsFunction.Defaults).ToDictionary();
        Assert.Equal(6, defaults[setting]!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var sample = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("local.settings.sample.json"))).RootElement.GetProperty("Values");
        Assert.Equal(defaults[setting], sample.GetProperty(setting).GetString());
    }

    [Fact]
    public void TheRulesCatchABrokenDeclaration()
    {
        var broken = JsonDocument.Parse("""{"bindings":[{"type":"timerTrigger","direction":"in","name":"t","schedule":"0 30 7 * *","useMonitor":"yes"},{"type":"queue","direction":"out","name":"q"}]}""").RootElement;

        var problems = FunctionJsonRules.Check("Broken", broken).ToList();

        Assert.Contains(problems, p => p.Contains("six fields", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("useMonitor", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unexpected binding type 'queue'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePublishFolderRunsAsAWorkerThatIndexesEveryFunctionAnswersAndIngests()
    {
        Assert.True(published.ExitCode == 0, published.Output);
        var options = AppFixture.Options(Guid.NewGuid().ToString("N")[..12], await Azurite.GetAsync(), await MailDev.GetAsync());
        // What Flex Consumption runs: the worker started from the publish folder's worker.config.json, not the build output.
        options.AppDirectory = published.Folder;

        await using var host = await LocalFunctionHost.StartAsync(options);
        using var http = new HttpClient { BaseAddress = host.FrontDoorAddress };
        var name = AppFixture.UniqueBriefingName();
        var briefings = host.Storage.GetBlobContainerClient(host.BriefingsContainer);
        await briefings.CreateIfNotExistsAsync();
        await briefings.GetBlobClient(name).UploadAsync(new BinaryData(SeedBriefing.Bytes));

        Assert.Equal(published.Functions.Keys.Order(), host.Functions.Select(f => f.Name).Order());
        // The cold worker's first request can miss its 5-second pairing on a loaded machine and answer 500, as on the
        // Functions host (see AppFixture), so the themes' answer is waited for.
        var themes = await Eventually.Async(
            async () => await http.GetAsync("api/themes") is { IsSuccessStatusCode: true } r ? await r.Content.ReadFromJsonAsync<JsonElement>() : default,
            t => t.ValueKind == JsonValueKind.Array, "the published worker's themes");
        Assert.Equal(7, themes.GetArrayLength());
        var briefing = await Eventually.Async(
            async () => await http.GetAsync($"api/briefings/{AppFixture.SlugOf(name)}") is { IsSuccessStatusCode: true } r ? await r.Content.ReadFromJsonAsync<JsonElement>() : default,
            b => b.ValueKind == JsonValueKind.Object && b.GetProperty("currentVersion").GetInt32() == 1,
            "version 1 ingested by the published worker");
        Assert.Equal(20, briefing.GetProperty("versions")[0].GetProperty("caseStudies").GetInt32());
    }

    [Fact]
    public void EachRouteAndMethodIsServedByOneFunction()
    {
        // A route may serve several functions, one per method (GET and DELETE /api/briefings/{slug}).
        var routes = DeclaredFunction.All.Select(f => f.Trigger).OfType<HttpTriggerAttribute>()
            .SelectMany(h => h.Methods!.Select(m => $"{m.ToUpperInvariant()} {h.Route}")).ToList();

        Assert.Equal(routes.Count, routes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
