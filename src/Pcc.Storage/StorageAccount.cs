using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Pcc.Storage.Blobs;
using Pcc.Storage.Queues;
using Pcc.Storage.Tables;

namespace Pcc.Storage;

/// <summary>
/// A storage account's endpoints and credential, resolved the way the Functions host resolves a connection name:
/// a connection string under the name, or identity-based settings under <c>name__accountName</c>,
/// <c>name__blobServiceUri</c>, <c>name__queueServiceUri</c>, <c>name__tableServiceUri</c>
/// (https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity).
/// </summary>
public sealed class StorageAccount
{
    private StorageAccount(Uri blob, Uri queue, Uri table, StorageSharedKeyCredential? sharedKey, TokenCredential? token)
    {
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
        SharedKeyCredential = sharedKey;
        TokenCredential = token;
    }

    /// <summary>The blob service endpoint.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The account key credential, when the account was given by a connection string.</summary>
    public StorageSharedKeyCredential? SharedKeyCredential { get; }

    /// <summary>The Microsoft Entra credential, when the account was given by identity-based settings.</summary>
    public TokenCredential? TokenCredential { get; }

    /// <summary>An account from a connection string.</summary>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        return new StorageAccount(parsed.BlobEndpoint, parsed.QueueEndpoint, parsed.TableEndpoint, parsed.Credential, null);
    }

    /// <summary>An account reached with a Microsoft Entra identity.</summary>
    public static StorageAccount FromIdentity(Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, TokenCredential credential) =>
        new(blobEndpoint, queueEndpoint, tableEndpoint, null, credential ?? throw new ArgumentNullException(nameof(credential)));

    /// <summary>
    /// Resolves the connection called <paramref name="connectionName"/>. A missing connection means the local
    /// emulator (<c>UseDevelopmentStorage=true</c>). <paramref name="credential"/> overrides the identity that
    /// identity-based settings would otherwise choose (managed identity when <c>__credential</c> is
    /// <c>managedidentity</c>, otherwise <see cref="DefaultAzureCredential"/>).
    /// </summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration, string connectionName = "AzureWebJobsStorage", TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[connectionName] ?? configuration.GetConnectionString(connectionName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(connectionName);
        var accountName = section["accountName"];
        var blob = ServiceUri(section, "blobServiceUri", accountName, "blob", connectionName);
        var queue = ServiceUri(section, "queueServiceUri", accountName, "queue", connectionName);
        var table = ServiceUri(section, "tableServiceUri", accountName, "table", connectionName);
        if (blob is null && queue is null && table is null)
        {
            return FromConnectionString("UseDevelopmentStorage=true");
        }

        if (blob is null || queue is null || table is null)
        {
            throw new InvalidOperationException(
                $"Connection '{connectionName}' names only some service URIs; set {connectionName}__accountName, or all of " +
                $"{connectionName}__blobServiceUri, {connectionName}__queueServiceUri and {connectionName}__tableServiceUri.");
        }

        return FromIdentity(blob, queue, table, credential ?? CreateCredential(section));
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? accountName, string service, string connectionName)
    {
        var value = section[key];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"{connectionName}__{key} '{value}' is not an absolute URI.");
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

    /// <summary>A client for the table called <paramref name="tableName"/>, signed with the account key or the Entra credential, whichever the account has.</summary>
    public TableClient GetTableClient(string tableName, TableClientOptions? options = null) =>
        SharedKeyCredential is not null
            ? new TableClient(TableEndpoint, tableName, SharedKeyCredential, options)
            : new TableClient(TableEndpoint, tableName, TokenCredential!, options);

    /// <summary>A client for container <paramref name="containerName"/>, using this account's key or identity.</summary>
    public BlobContainerClient GetBlobContainerClient(string containerName, BlobClientOptions? options = null)
    {
        var uri = BlobContainerClient.ForEndpoint(BlobEndpoint, containerName);
        return SharedKeyCredential is { } key ? new BlobContainerClient(uri, key, options) : new BlobContainerClient(uri, TokenCredential!, options);
    }

    /// <summary>A client for queue <paramref name="queueName"/>, using this account's key or identity.</summary>
    public QueueClient GetQueueClient(string queueName, QueueClientOptions? options = null)
    {
        var uri = QueueClient.ForEndpoint(QueueEndpoint, queueName);
        return SharedKeyCredential is { } key ? new QueueClient(uri, key, options) : new QueueClient(uri, TokenCredential!, options);
    }
}
