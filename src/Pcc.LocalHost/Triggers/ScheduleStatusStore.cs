using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// Timer schedule status in blob <c>azure-webjobs-hosts/timers/{hostId}/{functionId}/status</c> as JSON
/// <c>{"Last","Next","LastUpdated"}</c>, where the host's <c>StorageScheduleMonitor</c> keeps it
/// (azure-webjobs-sdk-extensions), so a missed occurrence is noticed across restarts.
/// </summary>
public sealed class ScheduleStatusStore(BlobContainerClient hosts, string hostId)
{
    /// <summary>The status blob's name.</summary>
    public string NameFor(string functionId) => $"timers/{hostId}/{functionId}/status";

    /// <summary>The recorded status, or null when none has been written.</summary>
    public async Task<ScheduleStatus?> GetAsync(string functionId, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await hosts.GetBlobClient(NameFor(functionId)).DownloadContentAsync(cancellationToken)).Value.Content;
            return JsonSerializer.Deserialize<ScheduleStatus>(content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Writes the status.</summary>
    public async Task UpdateAsync(string functionId, ScheduleStatus status, CancellationToken cancellationToken)
    {
        await hosts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await hosts.GetBlobClient(NameFor(functionId)).UploadAsync(BinaryData.FromObjectAsJson(status), overwrite: true, cancellationToken);
    }
}
