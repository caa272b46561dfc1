using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pcc.Platform.Storage;

/// <summary>Registers the Azure SDK's storage clients.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="connection"/> and, once through <c>AddAzureClients</c>, its
    /// <see cref="TableServiceClient"/> and <see cref="BlobServiceClient"/> (blobs pinned to a service version Azurite accepts).
    /// </summary>
    public static IServiceCollection AddStorageClients(this IServiceCollection services, StorageConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        services.AddSingleton(connection);
        // Azure.Core logs every error answer as a warning; the 404s and 409s of create-if-missing and create-only writes are expected.
        services.AddLogging(logging => logging.AddFilter("Azure.Core", LogLevel.Error));
        services.AddAzureClients(clients =>
        {
            if (connection.ConnectionString is { } connectionString)
            {
                clients.AddTableServiceClient(connectionString);
                clients.AddBlobServiceClient(connectionString).WithVersion(StorageConnection.BlobVersion);
            }
            else
            {
                clients.AddTableServiceClient(connection.TableServiceUri);
                clients.AddBlobServiceClient(connection.BlobServiceUri).WithVersion(StorageConnection.BlobVersion);
                clients.UseCredential(connection.Credential);
            }
        });
        return services;
    }
}
