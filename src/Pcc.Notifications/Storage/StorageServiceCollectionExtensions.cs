using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace Pcc.Notifications.Storage;

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
