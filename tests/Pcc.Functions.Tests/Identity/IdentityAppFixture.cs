using Pcc.LocalHost;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Identity;

/// <summary>
/// The app on storage reached only as a managed identity, as deployed: an Azurite of its own over HTTPS with
/// <c>--oauth basic</c>, the settings <c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__tableServiceUri</c>, <c>__credential=managedidentity</c> and <c>__clientId</c> (no connection string, no key),
/// and a managed identity endpoint the worker and the local host get their tokens from. The worker trusts the
/// emulator's certificate through <c>SSL_CERT_DIR</c>, the local host through its storage transport.
/// </summary>
public sealed class IdentityAppFixture : AppFixture, IAsyncLifetime
{
    /// <summary>The <c>IDENTITY_HEADER</c> the app's worker process is given.</summary>
    public const string WorkerSecret = "worker-identity-header";

    /// <summary>The <c>IDENTITY_HEADER</c> the local host (this process) is given.</summary>
    public const string HostSecret = "host-identity-header";

    private static readonly string[] s_identityVariables = ["IDENTITY_ENDPOINT", "IDENTITY_HEADER"];
    private readonly Dictionary<string, string?> _savedEnvironment = [];

    /// <summary>The user-assigned identity's client id, as the Bicep passes <c>identityClientId</c>.</summary>
    public string ClientId { get; } = Guid.NewGuid().ToString();

    public TestCertificate Certificate { get; private set; } = null!;

    public Azurite OAuthAzurite { get; private set; } = null!;

    public ManagedIdentityEndpoint Identity { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Certificate = TestCertificate.Create();
        OAuthAzurite = await Azurite.StartWithOAuthAsync(Certificate);
        Identity = await ManagedIdentityEndpoint.StartAsync(ClientId, WorkerSecret, HostSecret);

        // ManagedIdentityCredential reads these from the process environment, as on App Service; the local host runs in
        // this process. The other apps a test run starts use connection strings and never consult them.
        foreach (var name in s_identityVariables)
        {
            _savedEnvironment[name] = Environment.GetEnvironmentVariable(name);
        }

        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", Identity.Endpoint.AbsoluteUri);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", HostSecret);
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        foreach (var (name, value) in _savedEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        if (OAuthAzurite is not null)
        {
            await OAuthAzurite.DisposeAsync();
        }

        Certificate?.Dispose();
    }

    protected override void Configure(LocalHostOptions options)
    {
        options.StorageConnectionString = null;
        options.StorageTransport = new Azure.Core.Pipeline.HttpClientTransport(Certificate.CreateHandler());
        options.Settings["AzureWebJobsStorage:blobServiceUri"] = OAuthAzurite.BlobEndpoint.AbsoluteUri;
        options.Settings["AzureWebJobsStorage:queueServiceUri"] = OAuthAzurite.QueueEndpoint.AbsoluteUri;
        options.Settings["AzureWebJobsStorage:tableServiceUri"] = OAuthAzurite.TableEndpoint.AbsoluteUri;
        options.Settings["AzureWebJobsStorage:credential"] = "managedidentity";
        options.Settings["AzureWebJobsStorage:clientId"] = ClientId;
        options.Settings["IDENTITY_ENDPOINT"] = Identity.Endpoint.AbsoluteUri;
        options.Settings["IDENTITY_HEADER"] = WorkerSecret;
        options.Settings["SSL_CERT_DIR"] = Certificate.Directory;
    }
}
