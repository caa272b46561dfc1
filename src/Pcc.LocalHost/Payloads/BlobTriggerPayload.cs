using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pcc.LocalHost.Payloads;

/// <summary>
/// The custom-handler request for a blob trigger
/// (https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers#request-payload):
/// <c>Data.{binding}</c> is the content in base64; <c>Metadata</c> carries the path tokens, <c>BlobTrigger</c> and
/// <c>Uri</c> as JSON-encoded strings (the host encodes plain strings a second time), <c>Properties</c>,
/// the blob's own <c>Metadata</c>, and <c>sys</c>.
/// </summary>
public static class BlobTriggerPayload
{
    /// <summary>Builds the payload for <paramref name="blob"/>.</summary>
    public static JsonObject Create(string functionName, string bindingName, TriggeredBlob blob, DateTimeOffset now)
    {
        var metadata = new JsonObject();
        foreach (var (token, value) in blob.Tokens)
        {
            metadata[token] = Encoded(value);
        }

        metadata["BlobTrigger"] = Encoded(blob.Path);
        metadata["Uri"] = Encoded(blob.Uri.AbsoluteUri);
        metadata["Properties"] = Properties(blob);
        metadata["Metadata"] = new JsonObject(blob.Details.Metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value)));
        metadata["sys"] = SysMetadata.Create(functionName, now);

        return new JsonObject
        {
            ["Data"] = new JsonObject { [bindingName] = Convert.ToBase64String(blob.Content.ToMemory().Span) },
            ["Metadata"] = metadata,
        };
    }

    private static string Encoded(string value) => JsonSerializer.Serialize(value);

    private static JsonObject Properties(TriggeredBlob blob) => new()
    {
        ["BlobType"] = "Block",
        ["ContentLength"] = blob.Details.ContentLength,
        ["ContentType"] = blob.Details.ContentType,
        ["ETag"] = blob.ETag.ToString(),
        ["LastModified"] = blob.Details.LastModified.ToString("O"),
        ["CreatedOn"] = blob.Details.CreatedOn.ToString("O"),
        ["LeaseState"] = blob.Details.LeaseState.ToString(),
        ["LeaseStatus"] = blob.Details.LeaseStatus.ToString(),
    };
}
