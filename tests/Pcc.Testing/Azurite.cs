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

    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static Azurite? s_shared;

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
    public static async Task<Azurite> GetAsync()
    {
        await s_gate.WaitAsync();
        try
        {
            if (s_shared is null || s_shared._tool.HasExited)
            {
                s_shared = await StartAsync();
                var started = s_shared;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => started._tool.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return s_shared;
        }
        finally
        {
            s_gate.Release();
        }
    }

    private static async Task<Azurite> StartAsync()
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            int blob = FreePort.Next(), queue = FreePort.Next(), table = FreePort.Next();
            var tool = NodeTool.Start("azurite", "dist/src/azurite.js",
            [
                "--silent", "--inMemoryPersistence", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
            ]);
            try
            {
                await tool.WaitForPortsAsync([blob, queue, table], TimeSpan.FromSeconds(60));
                return new Azurite(tool, blob, queue, table);
            }
            catch (InvalidOperationException) when (attempt < attempts)
            {
                // A port picked as free can be taken before Azurite binds it; pick again.
                await tool.DisposeAsync();
            }
        }
    }
}
