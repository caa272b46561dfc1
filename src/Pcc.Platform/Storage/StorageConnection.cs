using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Pcc.Platform.Storage;

/// <summary>
/// Where the app's storage is and how to sign in, resolved the way the Functions host resolves a connection name
/// (https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity):
/// a connection string under the name (default <c>UseDevelopmentStorage=true</c>), or identity-based settings
/// <c>name__accountName</c> / <c>name__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c> with
/// <c>__credential=managedidentity</c> and <c>__clientId</c>. Hands out the Azure SDK's service clients.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The connection the Functions host uses for its own storage.</summary>
    public const string DefaultName = "AzureWebJobsStorage";

    /// <summary>The emulator's connection string.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    // Azurite 3.37 answers 400 to an x-ms-version newer than 2026-06-06; Azure accepts it too.
    internal const BlobClientOptions.ServiceVersion BlobVersion = BlobClientOptions.ServiceVersion.V2026_06_06;
    internal const QueueClientOptions.ServiceVersion QueueVersion = QueueClientOptions.ServiceVersion.V2026_06_06;

    private readonly Lazy<BlobServiceClient> _blobs;
    private readonly Lazy<TableServiceClient> _tables;
    private readonly HttpPipelineTransport? _transport;

    private StorageConnection(string? connectionString, Uri blob, Uri queue, Uri table, TokenCredential? credential, HttpPipelineTransport? transport = null)
    {
        ConnectionString = connectionString;
        BlobServiceUri = blob;
        QueueServiceUri = queue;
        TableServiceUri = table;
        Credential = credential;
        _transport = transport;
        _blobs = new(() => CreateBlobServiceClient());
        _tables = new(() => CreateTableServiceClient());
    }

    /// <summary>The connection string, when the account was given by one; null for identity-based settings.</summary>
    public string? ConnectionString { get; }

    /// <summary>The blob service endpoint.</summary>
    public Uri BlobServiceUri { get; }

    /// <summary>The queue service endpoint.</summary>
    public Uri QueueServiceUri { get; }

    /// <summary>The table service endpoint.</summary>
    public Uri TableServiceUri { get; }

    /// <summary>The Microsoft Entra credential of identity-based settings; null with a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>A connection string: <c>UseDevelopmentStorage=true</c> or an account key, with or without explicit endpoints.</summary>
    public static StorageConnection FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // The SDK parses the string (and throws FormatException naming what is wrong); we only keep its endpoints.
        return new StorageConnection(
            connectionString,
            new BlobServiceClient(connectionString).Uri,
            new QueueServiceClient(connectionString).Uri,
            new TableServiceClient(connectionString).Uri,
            null);
    }

    /// <summary>
    /// Resolves the connection called <paramref name="name"/>; nothing set means the emulator.
    /// <paramref name="credential"/> overrides the identity that identity-based settings choose (managed identity
    /// when <c>__credential</c> is <c>managedidentity</c>, otherwise <see cref="DefaultAzureCredential"/>).
    /// <paramref name="transport"/>, when given, carries every request of the service clients of identity-based settings
    /// (a local HTTPS emulator's certificate trusted by a test, without touching the machine's trust store).
    /// </summary>
    public static StorageConnection FromConfiguration(
        IConfiguration configuration, string name = DefaultName, TokenCredential? credential = null, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(name);
        var accountName = section["accountName"];
        var blob = ServiceUri(section, "blobServiceUri", accountName, "blob", name);
        var queue = ServiceUri(section, "queueServiceUri", accountName, "queue", name);
        var table = ServiceUri(section, "tableServiceUri", accountName, "table", name);
        if (blob is null && queue is null && table is null)
        {
            return FromConnectionString(DevelopmentStorage);
        }

        if (blob is null || queue is null || table is null)
        {
            throw new InvalidOperationException(
                $"Connection '{name}' names only some service URIs; set {name}__accountName, or all of " +
                $"{name}__blobServiceUri, {name}__queueServiceUri and {name}__tableServiceUri.");
        }

        return new StorageConnection(null, blob, queue, table, credential ?? CreateCredential(section), transport);
    }

    /// <summary>Options for blob clients, at a service version Azurite accepts.</summary>
    public static BlobClientOptions BlobOptions() => new(BlobVersion);

    /// <summary>
    /// Options for queue clients, at a service version Azurite accepts. A message a base64 client cannot decode is
    /// handed to <paramref name="decodingFailed"/> (without one, receiving it throws and it stays invisible).
    /// </summary>
    public static QueueClientOptions QueueOptions(QueueMessageEncoding encoding = QueueMessageEncoding.Base64, Func<QueueMessageDecodingFailedEventArgs, Task>? decodingFailed = null)
    {
        var options = new QueueClientOptions(QueueVersion) { MessageEncoding = encoding };
        if (decodingFailed is not null)
        {
            options.MessageDecodingFailed += args => decodingFailed(args);
        }

        return options;
    }

    /// <summary>The blob service client.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        ConnectionString is not null
            ? new BlobServiceClient(ConnectionString, options ?? BlobOptions())
            : new BlobServiceClient(BlobServiceUri, Credential, Carried(options ?? BlobOptions()));

    /// <summary>The queue service client.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) =>
        ConnectionString is not null
            ? new QueueServiceClient(ConnectionString, options ?? QueueOptions())
            : new QueueServiceClient(QueueServiceUri, Credential, Carried(options ?? QueueOptions()));

    /// <summary>The table service client.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        ConnectionString is not null
            ? new TableServiceClient(ConnectionString, options)
            : new TableServiceClient(TableServiceUri, Credential, Carried(options ?? new TableClientOptions()));

    /// <summary>A client for the table called <paramref name="tableName"/>.</summary>
    public TableClient GetTableClient(string tableName) => _tables.Value.GetTableClient(tableName);

    /// <summary>A client for the container called <paramref name="containerName"/>.</summary>
    public BlobContainerClient GetBlobContainerClient(string containerName) => _blobs.Value.GetBlobContainerClient(containerName);

    /// <summary>A client for the queue called <paramref name="queueName"/>.</summary>
    public QueueClient GetQueueClient(string queueName, QueueClientOptions? options = null) => CreateQueueServiceClient(options).GetQueueClient(queueName);

    private T Carried<T>(T options) where T : ClientOptions
    {
        if (_transport is not null)
        {
            options.Transport = _transport;
        }

        return options;
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? accountName, string service, string name)
    {
        var value = section[key];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"{name}__{key} '{value}' is not an absolute URI.");
        }

        return string.IsNullOrWhiteSpace(accountName) ? null : new Uri($"https://{accountName}.{service}.core.windows.net");
    }

    private static TokenCredential CreateCredential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
