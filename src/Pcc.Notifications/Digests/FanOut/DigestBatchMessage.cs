using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pcc.Notifications.Digests.FanOut;

/// <summary>
/// "Send this batch of this window": what the digest run puts on the queue, one message per batch. It names the batch
/// and carries nothing else; the ledger holds the batch's membership, so a message delivered twice names the same people.
/// </summary>
/// <param name="Frequency">The window's frequency.</param>
/// <param name="Start">The window's start.</param>
/// <param name="End">The window's end.</param>
/// <param name="Batch">The batch's RowKey in the ledger (plan id and number).</param>
/// <param name="TraceParent">
/// The W3C <c>traceparent</c> of the run that queued it, so the send continues that trace across the queue (queue
/// messages have no headers); null when it was not traced.
/// </param>
public sealed record DigestBatchMessage(DigestFrequency Frequency, DateTimeOffset Start, DateTimeOffset End, string Batch, string? TraceParent = null)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The window the batch belongs to.</summary>
    [JsonIgnore]
    public DigestWindow Window => new(Frequency, Start, End);

    /// <summary>The message as JSON, the queue message's text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Reads a message; a text that is not one throws <see cref="FormatException"/>, naming what is wrong.</summary>
    public static DigestBatchMessage Parse(string json)
    {
        DigestBatchMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<DigestBatchMessage>(json, s_json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a digest batch message: {ex.Message}", ex);
        }

        if (message is null || string.IsNullOrWhiteSpace(message.Batch) || message.End <= message.Start)
        {
            throw new FormatException("Not a digest batch message: it needs frequency, start < end and batch.");
        }

        return message;
    }
}
