namespace Pcc.Testing;

/// <summary>
/// One Azurite per test run, in memory, on free ports, started from the repository's <c>node_modules</c>
/// and stopped when the test process exits. Tests isolate themselves by using unique resource names.
/// <see cref="StartWithOAuthAsync"/> starts another, over HTTPS and accepting only Microsoft Entra tokens, for its caller alone.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>The development account's well-known key, published in Azurite's README.</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly PerTestRun<Azurite> s_shared = new(StartAsync, azurite => azurite._tool);

    private readonly NodeTool _tool;

    private Azurite(NodeTool tool, int[] ports, string scheme = "http")
    {
        _tool = tool;
        BlobEndpoint = new Uri($"{scheme}://127.0.0.1:{ports[0]}/{AccountName}");
        QueueEndpoint = new Uri($"{scheme}://127.0.0.1:{ports[1]}/{AccountName}");
        TableEndpoint = new Uri($"{scheme}://127.0.0.1:{ports[2]}/{AccountName}");
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

    /// <summary>
    /// Starts an Azurite of the caller's own over HTTPS with <paramref name="certificate"/>, with <c>--oauth basic</c>: it
    /// accepts bearer tokens whose issuer, audience and lifetime are right, without checking signatures (Azurite's README,
    /// "OAuth Configuration"). Disposing stops it.
    /// </summary>
    public static async Task<Azurite> StartWithOAuthAsync(TestCertificate certificate)
    {
        var (tool, ports) = await StartToolAsync(["--oauth", "basic", "--cert", certificate.CertificatePath, "--key", certificate.KeyPath]);
        return new Azurite(tool, ports, "https");
    }

    /// <summary>Stops an Azurite started by <see cref="StartWithOAuthAsync"/>; the shared one is stopped when the run ends.</summary>
    public ValueTask DisposeAsync() => _tool.DisposeAsync();

    private static async Task<Azurite> StartAsync()
    {
        var (tool, ports) = await StartToolAsync([]);
        return new Azurite(tool, ports);
    }

    private static Task<(NodeTool Tool, int[] Ports)> StartToolAsync(string[] extra) =>
        NodeTool.StartOnFreePortsAsync("azurite", "dist/src/azurite.js", 3, ports =>
        [
            "--silent", "--inMemoryPersistence", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(),
            .. extra,
        ]);
}
