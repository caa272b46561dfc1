using System.Globalization;
using System.Xml.Linq;
using Pcc.Storage.Queues.Models;

namespace Pcc.Storage.Queues;

/// <summary>
/// Reads the <c>QueueMessagesList</c> responses of Put Message, Get Messages and Peek Messages
/// (https://learn.microsoft.com/rest/api/storageservices/get-messages).
/// </summary>
internal static class QueueMessageReader
{
    public static SendReceipt ToSendReceipt(XElement message) => new()
    {
        MessageId = Text(message, "MessageId"),
        PopReceipt = Text(message, "PopReceipt"),
        InsertionTime = Date(message, "InsertionTime") ?? default,
        ExpirationTime = Date(message, "ExpirationTime") ?? default,
        TimeNextVisible = Date(message, "TimeNextVisible") ?? default,
    };

    public static QueueMessage ToQueueMessage(XElement message, QueueMessageEncoding encoding) => new()
    {
        MessageId = Text(message, "MessageId"),
        PopReceipt = Text(message, "PopReceipt"),
        Body = QueueMessageCodec.Decode(Text(message, "MessageText"), encoding),
        DequeueCount = long.TryParse(Text(message, "DequeueCount"), CultureInfo.InvariantCulture, out var count) ? count : 0,
        InsertedOn = Date(message, "InsertionTime"),
        ExpiresOn = Date(message, "ExpirationTime"),
        NextVisibleOn = Date(message, "TimeNextVisible"),
    };

    public static PeekedMessage ToPeekedMessage(XElement message, QueueMessageEncoding encoding) => new()
    {
        MessageId = Text(message, "MessageId"),
        Body = QueueMessageCodec.Decode(Text(message, "MessageText"), encoding),
        DequeueCount = long.TryParse(Text(message, "DequeueCount"), CultureInfo.InvariantCulture, out var count) ? count : 0,
        InsertedOn = Date(message, "InsertionTime"),
        ExpiresOn = Date(message, "ExpirationTime"),
    };

    public static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParseExact(text, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static string Text(XElement message, string name) => message.Element(name)?.Value ?? string.Empty;

    private static DateTimeOffset? Date(XElement message, string name) => ParseDate(message.Element(name)?.Value);
}
