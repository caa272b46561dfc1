using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Worker;
using Pcc.LocalHost.Worker.Rpc;
using Pcc.Platform.Storage;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests.Protocol;

/// <summary>
/// Pins the facts of the worker protocol the local host relies on, against a real isolated worker
/// (Microsoft.Azure.Functions.Worker 2.52.0): the handshake and worker indexing, model binding data for blobs,
/// the timer's JSON, the trace context requirement and how a failure comes back.
/// </summary>
public sealed class WorkerProtocolTests(WorkerProtocolTests.Fixture fixture) : IClassFixture<WorkerProtocolTests.Fixture>
{
    [Fact]
    public void TheWorkerDescribesItsOwnFunctionsAndTriggers()
    {
        var functions = fixture.Worker.Functions.ToDictionary(f => f.Name);

        Assert.Equal(["Broken", "BrokenLater", "CopyBlob", "Dequeue", "Echo", "Keyed", "Linger", "Tick"], functions.Keys.Order());
        Assert.Equal(("queueTrigger", "%TestWorker:Queue%"), (functions["Dequeue"].TriggerType, functions["Dequeue"].TriggerProperty("queueName")));
        Assert.Equal("blobTrigger", functions["CopyBlob"].TriggerType);
        Assert.Equal("%TestWorker:Inbox%/{name}", functions["CopyBlob"].TriggerProperty("path"));
        Assert.Equal("timerTrigger", functions["Tick"].TriggerType);
        Assert.Equal("echo/{word}/{count:int?}", functions["Echo"].TriggerProperty("route"));
        Assert.Equal(["get", "post"], functions["Echo"].TriggerList("methods"));
        Assert.All(functions.Values, f => Assert.False(string.IsNullOrEmpty(f.FunctionId)));
    }

    [Fact]
    public void TheWorkerOffersItsHttpPipelineForForwardedRequests()
    {
        Assert.NotNull(fixture.Worker.HttpUri);
        Assert.True(fixture.Worker.HttpUri!.IsLoopback, fixture.Worker.HttpUri.ToString());
    }

    [Fact]
    public async Task ABlobTriggerGetsModelBindingDataAndTheNameTokenFromTriggerMetadata()
    {
        var name = "doc-" + Guid.NewGuid().ToString("N")[..8] + ".txt";
        var inbox = fixture.Storage.GetBlobContainerClient(fixture.Settings["TestWorker:Inbox"]!);
        await inbox.CreateIfNotExistsAsync();
        await inbox.GetBlobClient(name).UploadAsync(BinaryData.FromString("hello"), overwrite: true);

        var result = await fixture.Worker.InvokeAsync("CopyBlob", request =>
        {
            request.InputData.Add(new ParameterBinding
            {
                Name = "content",
                Data = new TypedData
                {
                    ModelBindingData = new ModelBindingData
                    {
                        Version = "1.0",
                        Source = "AzureStorageBlobs",
                        ContentType = "application/json",
                        Content = ByteString.CopyFromUtf8(JsonSerializer.Serialize(new { Connection = "AzureWebJobsStorage", ContainerName = inbox.Name, BlobName = name })),
                    },
                },
            });
            request.TriggerMetadata["name"] = new TypedData { String = name };
        }, retryOnCrash: false, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal($"{name}|hello", await fixture.ReadResultAsync("copy-" + name));
    }

    [Fact]
    public async Task ATimerTriggerReadsTimerInfoJson()
    {
        var before = await fixture.ResultNamesAsync("tick-");
        var result = await fixture.Worker.InvokeAsync("Tick", request => request.InputData.Add(new ParameterBinding
        {
            Name = "timer",
            Data = new TypedData { Json = """{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-01-01T00:00:00+00:00","Next":"2027-01-01T00:00:00+00:00","LastUpdated":"2026-01-01T00:00:00+00:00"},"IsPastDue":true}""" },
        }), retryOnCrash: false, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        var tick = Assert.Single((await fixture.ResultNamesAsync("tick-")).Except(before));
        using var record = JsonDocument.Parse(await fixture.ReadResultAsync(tick));
        Assert.True(record.RootElement.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal(2026, record.RootElement.GetProperty("Last").GetDateTime().Year);
    }

    [Fact]
    public async Task AnInvocationWithoutATraceContextFails()
    {
        var result = await fixture.Worker.InvokeAsync("Tick", request =>
        {
            request.TraceContext = null;
            request.InputData.Add(new ParameterBinding { Name = "timer", Data = new TypedData { Json = """{"IsPastDue":false}""" } });
        }, retryOnCrash: false, CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AFailingFunctionReportsItsExceptionInTheResponse()
    {
        var name = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var inbox = fixture.Storage.GetBlobContainerClient(fixture.Settings["TestWorker:Inbox"]!);
        await inbox.CreateIfNotExistsAsync();
        await inbox.GetBlobClient(name).UploadAsync(BinaryData.FromString("fail please"), overwrite: true);

        var result = await fixture.Worker.InvokeAsync("CopyBlob", request =>
        {
            request.InputData.Add(new ParameterBinding
            {
                Name = "content",
                Data = new TypedData { ModelBindingData = new ModelBindingData { Version = "1.0", Source = "AzureStorageBlobs", ContentType = "application/json",
                    Content = ByteString.CopyFromUtf8(JsonSerializer.Serialize(new { Connection = "AzureWebJobsStorage", ContainerName = inbox.Name, BlobName = name })) } },
            });
            request.TriggerMetadata["name"] = new TypedData { String = name };
        }, retryOnCrash: false, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains($"The content of {name} asks to fail.", result.Error);
        Assert.Contains("InvalidOperationException", result.Error);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public FunctionWorker Worker { get; private set; } = null!;

        public StorageConnection Storage { get; private set; } = null!;

        public Dictionary<string, string?> Settings { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var azurite = await Azurite.GetAsync();
            Settings = TestWorkerApp.Settings(azurite.ConnectionString, Guid.NewGuid().ToString("N")[..12]);
            Storage = StorageConnection.FromConnectionString(azurite.ConnectionString);
            Worker = await FunctionWorker.StartAsync(WorkerConfig.Read(TestWorkerApp.Directory), Settings, InvocationLimits.Default, NullLoggerFactory.Instance, CancellationToken.None);
        }

        public async Task<string> ReadResultAsync(string name) =>
            Encoding.UTF8.GetString((await Storage.GetBlobContainerClient(Settings["TestWorker:Results"]!).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray());

        public async Task<List<string>> ResultNamesAsync(string prefix)
        {
            var names = new List<string>();
            var container = Storage.GetBlobContainerClient(Settings["TestWorker:Results"]!);
            await container.CreateIfNotExistsAsync();
            await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, default))
            {
                names.Add(item.Name);
            }

            return names;
        }

        public async Task DisposeAsync() => await Worker.DisposeAsync();
    }
}
