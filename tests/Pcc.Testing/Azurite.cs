namespace Pcc.Testing;

/// <summary>
/// One Azurite per test run, in memory, on free ports, started from the repository's <c>node_modules</c>
/// and stopped when the test process exits. Tests isolate themselves by using unique resource names.
/// </summary>
public sealed class Azurite
{
    /// <summary>The development account's well-known key, published in Azurite's README.</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly PerTestRun<Azurite> s_shared = new(StartAsync, azurite => azurite._tool);

    private readonly NodeTool _tool;

    private Azurite(NodeTool tool, int blobPort, int queuePort, int tablePort)
    {
        _tool = tool;
        BlobEndpoint = new Uri($"http://127.0.0.1:{blobPort}/{AccountName}");
        QueueEndpoint = new Uri($"http://127.0.0.1:{queuePort}/{AccountName}");
        TableEndpoint = new Uri($"http://127.0.0.1:{tablePort}/{AccountName}");
    }

    public Uri BlobEndpoint { get; }
    public Uri QueueEndpoint { get; }
    public Uri TableEndpoint { get; }

    /// <summary>An account-key connection string with explicit endpoints for this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Returns the test run's Azurite, starting it on first use.</summary>
    public static Task<Azurite> GetAsync() => s_shared.GetAsync();

    private static async Task<Azurite> StartAsync()
    {
        var (tool, ports) = await NodeTool.StartOnFreePortsAsync("azurite", "dist/src/azurite.js", 3, ports =>
        [
            "--silent", "--inMemoryPersistence", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(),
        ]);
        return new Azurite(tool, ports[0], ports[1], ports[2]);
    }
}
