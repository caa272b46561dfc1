using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Payloads;

/// <summary>
/// A blob trigger's input as the Functions host sends it to an isolated worker whose blob parameter supports
/// deferred binding: <c>model_binding_data</c> (source <c>AzureStorageBlobs</c>, JSON <c>{Connection, ContainerName,
/// BlobName}</c>) that the worker's blob converter reads itself; the path tokens, <c>BlobTrigger</c>, <c>Uri</c>,
/// <c>Properties</c> and the blob's <c>Metadata</c> as trigger metadata.
/// </summary>
public static class BlobTriggerInput
{
    /// <summary>Adds the input of <paramref name="blob"/> to <paramref name="request"/>.</summary>
    public static void Fill(InvocationRequest request, string bindingName, string connection, TriggeredBlob blob)
    {
        var reference = JsonSerializer.SerializeToUtf8Bytes(new { Connection = connection, ContainerName = blob.Container, BlobName = blob.Name });
        request.InputData.Add(new ParameterBinding
        {
            Name = bindingName,
            Data = new TypedData
            {
                ModelBindingData = new ModelBindingData { Version = "1.0", Source = "AzureStorageBlobs", ContentType = "application/json", Content = ByteString.CopyFrom(reference) },
            },
        });

        foreach (var (token, value) in blob.Tokens)
        {
            request.TriggerMetadata[token] = new TypedData { String = value };
        }

        request.TriggerMetadata["BlobTrigger"] = new TypedData { String = blob.Path };
        request.TriggerMetadata["Uri"] = new TypedData { String = blob.Uri.AbsoluteUri };
        request.TriggerMetadata["Properties"] = new TypedData { Json = Properties(blob).ToJsonString() };
        request.TriggerMetadata["Metadata"] = new TypedData { Json = JsonSerializer.Serialize(blob.Properties.Metadata) };
    }

    private static JsonObject Properties(TriggeredBlob blob) => new()
    {
        ["BlobType"] = "Block",
        ["ContentLength"] = blob.Properties.ContentLength,
        ["ContentType"] = blob.Properties.ContentType,
        ["ETag"] = blob.ETag.ToString(),
        ["LastModified"] = blob.Properties.LastModified.ToString("O"),
        ["CreatedOn"] = blob.Properties.CreatedOn.ToString("O"),
        ["LeaseState"] = blob.Properties.LeaseState.ToString(),
        ["LeaseStatus"] = blob.Properties.LeaseStatus.ToString(),
    };
}
