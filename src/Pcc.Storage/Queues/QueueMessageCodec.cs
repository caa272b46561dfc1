using System.Text;
using System.Xml;
using System.Xml.Linq;
using Azure.Core;

namespace Pcc.Storage.Queues;

/// <summary>
/// Puts message content on the wire and takes it off again: base64 of the bytes or the text itself, inside
/// <c>&lt;QueueMessage&gt;&lt;MessageText&gt;…&lt;/MessageText&gt;&lt;/QueueMessage&gt;</c>
/// (https://learn.microsoft.com/rest/api/storageservices/put-message).
/// </summary>
internal static class QueueMessageCodec
{
    /// <summary>The service's limit on a message's encoded text (versions 2011-08-18 and later).</summary>
    public const int MaxEncodedBytes = 64 * 1024;

    private static readonly XmlWriterSettings s_writerSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // Carriage returns would otherwise be normalised away by the XML reader on the other side.
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static string Encode(BinaryData body, QueueMessageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(body.ToMemory().Span) : StrictUtf8(body);
        if (encoding == QueueMessageEncoding.None)
        {
            EnsureXmlText(text);
        }

        var size = Encoding.UTF8.GetByteCount(text);
        if (size > MaxEncodedBytes)
        {
            throw new ArgumentException(
                $"The message is {size} bytes once encoded ({encoding}); queue messages are limited to {MaxEncodedBytes} bytes (64 KiB). " +
                "Store large content in a blob and send its name instead.", nameof(body));
        }

        return text;
    }

    /// <summary>Decodes base64 text; text that is not base64 is returned as its own UTF-8 bytes.</summary>
    public static BinaryData Decode(string text, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.Base64)
        {
            var buffer = new byte[(text.Length * 3 / 4) + 3];
            if (Convert.TryFromBase64String(text, buffer, out var written))
            {
                return new BinaryData(buffer.AsMemory(0, written));
            }
        }

        return BinaryData.FromString(text);
    }

    public static RequestContent CreateBody(string encodedText)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, s_writerSettings))
        {
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", encodedText);
            writer.WriteEndElement();
        }

        return RequestContent.Create(stream.ToArray());
    }

    public static IEnumerable<XElement> ReadMessages(Stream xml) =>
        XDocument.Load(xml).Root?.Elements("QueueMessage") ?? [];

    private static string StrictUtf8(BinaryData body)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.ToMemory().Span);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ArgumentException("With MessageEncoding None the message must be UTF-8 text; use Base64 for binary content.", nameof(body), ex);
        }
    }

    private static void EnsureXmlText(string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
        }
        catch (XmlException ex)
        {
            throw new ArgumentException(
                "The message has a character XML cannot carry, so it cannot be sent with MessageEncoding None; use Base64.", "messageText", ex);
        }
    }
}
