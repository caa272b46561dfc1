using System.Text.Json;
using Microsoft.IO;

namespace Pcc.Notifications.Digests.Ledger;

/// <summary>
/// A batch's blob (<see cref="DigestBatchContent"/> as JSON) written a recipient at a time while the plan streams, so
/// an open batch holds its recipients' bytes in pooled blocks rather than their objects.
/// </summary>
internal sealed class DigestBatchBlob : IDisposable
{
    private static readonly RecyclableMemoryStreamManager s_streams = new();
    private static readonly JsonEncodedText s_windowId = JsonEncodedText.Encode(DigestLedger.Json.PropertyNamingPolicy!.ConvertName(nameof(DigestBatchContent.WindowId)));
    private static readonly JsonEncodedText s_themeSet = JsonEncodedText.Encode(DigestLedger.Json.PropertyNamingPolicy!.ConvertName(nameof(DigestBatchContent.ThemeSet)));
    private static readonly JsonEncodedText s_content = JsonEncodedText.Encode(DigestLedger.Json.PropertyNamingPolicy!.ConvertName(nameof(DigestBatchContent.Content)));
    private static readonly JsonEncodedText s_recipients = JsonEncodedText.Encode(DigestLedger.Json.PropertyNamingPolicy!.ConvertName(nameof(DigestBatchContent.Recipients)));

    private readonly MemoryStream _stream = s_streams.GetStream(nameof(DigestBatchBlob));
    private readonly Utf8JsonWriter _json;

    public DigestBatchBlob()
    {
        _json = new Utf8JsonWriter(_stream);
        _json.WriteStartObject();
        _json.WriteStartArray(s_recipients);
    }

    /// <summary>How many recipients the batch holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a recipient at the next position.</summary>
    public void Add(DigestRecipient recipient)
    {
        JsonSerializer.Serialize(_json, recipient, DigestLedger.Json);
        // The writer buffers until flushed; flushing each recipient keeps its buffer at one recipient's size.
        _json.Flush();
        Count++;
    }

    /// <summary>Ends the JSON with what every recipient shares and returns it, read from the start.</summary>
    public Stream Complete(string windowId, string themeSet, DigestContent content)
    {
        _json.WriteEndArray();
        _json.WriteString(s_windowId, windowId);
        _json.WriteString(s_themeSet, themeSet);
        _json.WritePropertyName(s_content);
        JsonSerializer.Serialize(_json, content, DigestLedger.Json);
        _json.WriteEndObject();
        _json.Flush();
        _stream.Position = 0;
        return _stream;
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
