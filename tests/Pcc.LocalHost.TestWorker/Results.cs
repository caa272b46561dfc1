using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Pcc.LocalHost.TestWorker;

/// <summary>Where the functions record what they saw: blobs in the <c>TestWorker:Results</c> container, read back by the tests.</summary>
public sealed class Results(IConfiguration configuration)
{
    private readonly BlobContainerClient _container = new(
        configuration["AzureWebJobsStorage"], configuration["TestWorker:Results"] ?? "results",
        new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_01_05));

    public async Task WriteAsync(string name, string content)
    {
        await _container.CreateIfNotExistsAsync();
        await _container.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), overwrite: true);
    }

    public async Task<bool> ExistsAsync(string name) => (await _container.GetBlobClient(name).ExistsAsync()).Value;
}
