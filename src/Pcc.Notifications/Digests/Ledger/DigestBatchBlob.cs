using System.Text.Json;
using Microsoft.IO;

namespace Pcc.Notifications.Digests.Ledger;

/// <summary>
/// A batch's blob (<see cref="DigestBatchContent"/> as JSON) written a recipient at a time while the plan streams, so
/// an open batch holds its recipients' bytes in pooled blocks rather than their objects.
/// </summary>
internal sealed class DigestBatchBlob : IDisposable
{
    // Small blocks: most open batches hold a recipient or two (those of subscribers who follow case studies one by one),
    // and the default 128 KB block made each of them cost 128 KB; a full batch of 1,000 is about 60 of these.
    private static readonly RecyclableMemoryStreamManager s_streams = new(new RecyclableMemoryStreamManager.Options { BlockSize = 4 * 1024 });
    private static readonly JsonEncodedText s_windowId = Name(nameof(DigestBatchContent.WindowId));
    private static readonly JsonEncodedText s_themeSet = Name(nameof(DigestBatchContent.ThemeSet));
    private static readonly JsonEncodedText s_content = Name(nameof(DigestBatchContent.Content));
    private static readonly JsonEncodedText s_recipients = Name(nameof(DigestBatchContent.Recipients));

    private static readonly JsonEncodedText s_subscriberId = Name(nameof(DigestBatchRecipient.SubscriberId));
    private static readonly JsonEncodedText s_email = Name(nameof(DigestBatchRecipient.Email));
    private static readonly JsonEncodedText s_manageUrl = Name(nameof(DigestBatchRecipient.ManageUrl));
    private static readonly JsonEncodedText s_unsubscribeUrl = Name(nameof(DigestBatchRecipient.UnsubscribeUrl));

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

    /// <summary>Adds a recipient at the next position, as a <see cref="DigestBatchRecipient"/>.</summary>
    public void Add(DigestRecipient recipient)
    {
        _json.WriteStartObject();
        _json.WriteString(s_subscriberId, recipient.SubscriberId);
        _json.WriteString(s_email, recipient.Email);
        _json.WriteString(s_manageUrl, recipient.ManageUrl);
        _json.WriteString(s_unsubscribeUrl, recipient.UnsubscribeUrl);
        _json.WriteEndObject();
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

    // The names DigestLedger.Json reads, so the blob reads back as a DigestBatchContent.
    private static JsonEncodedText Name(string property) => JsonEncodedText.Encode(DigestLedger.Json.PropertyNamingPolicy!.ConvertName(property));

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
