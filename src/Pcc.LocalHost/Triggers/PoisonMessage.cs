using System.Text.Json.Serialization;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// A blob version that failed every attempt, as the Functions host writes it to <c>webjobs-blobtrigger-poison</c>:
/// its <c>BlobTriggerMessage</c> JSON, <c>{"Type":"BlobTrigger","FunctionId":"Host.Functions.IngestBriefing",
/// "BlobType":"BlockBlob","ContainerName":"briefings","BlobName":"a.txt","ETag":"\"0x8D…\""}</c>.
/// </summary>
/// <param name="FunctionId">The function, <c>Host.Functions.{Name}</c>.</param>
/// <param name="ContainerName">The blob's container.</param>
/// <param name="BlobName">The blob's name.</param>
/// <param name="ETag">The failed version's ETag, quoted.</param>
public sealed record PoisonMessage([property: JsonPropertyOrder(-2)] string FunctionId, string ContainerName, string BlobName, string ETag)
{
    /// <summary>The message kind; always <c>BlobTrigger</c>.</summary>
    [JsonPropertyOrder(-3)]
    public string Type { get; init; } = "BlobTrigger";

    /// <summary>The blob type as the host names it (<c>BlockBlob</c>).</summary>
    [JsonPropertyOrder(-1)]
    public string BlobType { get; init; } = "BlockBlob";

    /// <summary>The queue message's id, when the message was read from the queue.</summary>
    [JsonIgnore]
    public string? MessageId { get; init; }

    /// <summary>The function's name, without the host prefix.</summary>
    [JsonIgnore]
    public string FunctionName => Triggers.FunctionId.NameOf(FunctionId);
}
