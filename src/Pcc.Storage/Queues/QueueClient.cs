using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Pcc.Storage.Blobs;
using Pcc.Storage.Internal;
using Pcc.Storage.Queues.Models;

namespace Pcc.Storage.Queues;

/// <summary>
/// One storage queue: create, delete, send, receive, peek, update and delete messages. Message text is encoded
/// per <see cref="QueueClientOptions.MessageEncoding"/> (base64 by default, as the Functions host expects).
/// Shaped like <c>Azure.Storage.Queues.QueueClient</c>
/// (https://learn.microsoft.com/rest/api/storageservices/queue-service-rest-api).
/// </summary>
public sealed class QueueClient
{
    private static readonly TimeSpan s_maxVisibilityTimeout = TimeSpan.FromDays(7);

    private readonly HttpPipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;
    private readonly Uri _messagesUri;

    /// <summary>Creates a client for the queue at <paramref name="queueUri"/>, signing with the account key.</summary>
    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(queueUri, StoragePipeline.SharedKey(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    /// <summary>Creates a client for the queue at <paramref name="queueUri"/>, authorised by a Microsoft Entra identity.</summary>
    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(queueUri, StoragePipeline.Token(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    /// <summary>Creates a client for queue <paramref name="queueName"/> of the account a connection string names.</summary>
    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), queueName, options)
    {
    }

    private QueueClient(StorageConnectionString connection, string queueName, QueueClientOptions? options)
        : this(ForEndpoint(connection.QueueEndpoint, queueName), StoragePipeline.SharedKey(connection.Credential), options)
    {
    }

    private QueueClient(Uri queueUri, HttpPipelinePolicy authentication, QueueClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        options ??= new QueueClientOptions();
        Uri = new Uri(queueUri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        Name = Uri.UnescapeDataString(Uri.AbsolutePath.Split('/')[^1]);
        if (Name.Length == 0)
        {
            throw new ArgumentException($"The URI '{queueUri}' does not name a queue.", nameof(queueUri));
        }

        _messagesUri = new Uri(Uri.AbsoluteUri + "/messages");
        _encoding = options.MessageEncoding;
        _pipeline = StoragePipeline.Build(options, options.Version, authentication);
    }

    /// <summary>The queue's name.</summary>
    public string Name { get; }

    /// <summary>The queue's URI.</summary>
    public Uri Uri { get; }

    /// <summary>The largest message text, once encoded, that the service accepts: 64 KiB.</summary>
    public int MessageMaxBytes => QueueMessageCodec.MaxEncodedBytes;

    /// <summary>Creates the queue unless it exists; returns null when it already existed.</summary>
    public async Task<Response?> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateRequest(RequestMethod.Put, Uri);
        BlobMetadata.Write(message.Request, metadata);
        try
        {
            // 204: it exists with the same metadata.
            var response = await _pipeline.SendAsync(message, cancellationToken, 201, 204).ConfigureAwait(false);
            return response.Status == 201 ? response : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == "QueueAlreadyExists")
        {
            return null;
        }
    }

    /// <summary>Deletes the queue and its messages; false when there was none.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateRequest(RequestMethod.Delete, Uri);
        var response = await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 204, response);
    }

    /// <summary>Whether the queue exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreatePropertiesRequest();
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>The queue's metadata and approximate message count.</summary>
    public async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreatePropertiesRequest();
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var count = response.Headers.TryGetValue("x-ms-approximate-messages-count", out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return Response.FromValue(new QueueProperties { ApproximateMessagesCount = count, Metadata = BlobMetadata.Read(response) }, response);
    }

    /// <summary>
    /// Adds a message, invisible for <paramref name="visibilityTimeout"/> (default: visible at once) and kept for
    /// <paramref name="timeToLive"/> (default 7 days; <c>TimeSpan.FromSeconds(-1)</c>: never expires). Messages over
    /// 64 KiB once encoded are refused before sending.
    /// </summary>
    public Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
        SendMessageAsync(BinaryData.FromString(messageText ?? throw new ArgumentNullException(nameof(messageText))), visibilityTimeout, timeToLive, cancellationToken);

    /// <summary>Adds a message whose content is <paramref name="message"/>'s bytes; see the text overload.</summary>
    public async Task<Response<SendReceipt>> SendMessageAsync(BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        using var request = CreateSendRequest(message, visibilityTimeout, timeToLive);
        var response = await _pipeline.SendAsync(request, cancellationToken, 201).ConfigureAwait(false);
        var receipt = QueueMessageCodec.ReadMessages(response.ContentStream ?? Stream.Null).Select(QueueMessageReader.ToSendReceipt).FirstOrDefault()
            ?? throw new RequestFailedException(response.Status, "The Put Message response held no message.");
        return Response.FromValue(receipt, response);
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32, default 1) messages, hiding them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateReceiveRequest(maxMessages, visibilityTimeout, peekOnly: false);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var messages = QueueMessageCodec.ReadMessages(response.ContentStream ?? Stream.Null).Select(m => QueueMessageReader.ToQueueMessage(m, _encoding)).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Receives one message with the default count and visibility timeout.</summary>
    public Task<Response<QueueMessage[]>> ReceiveMessagesAsync(CancellationToken cancellationToken) =>
        ReceiveMessagesAsync(null, null, cancellationToken);

    /// <summary>Receives one message, or null when none is visible.</summary>
    public async Task<Response<QueueMessage?>> ReceiveMessageAsync(TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var response = await ReceiveMessagesAsync(1, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault(), response.GetRawResponse());
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> (1–32, default 1) visible messages without receiving them.</summary>
    public async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateReceiveRequest(maxMessages, null, peekOnly: true);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var messages = QueueMessageCodec.ReadMessages(response.ContentStream ?? Stream.Null).Select(m => QueueMessageReader.ToPeekedMessage(m, _encoding)).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Looks at the next visible message without receiving it, or null when none is visible.</summary>
    public async Task<Response<PeekedMessage?>> PeekMessageAsync(CancellationToken cancellationToken = default)
    {
        var response = await PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault(), response.GetRawResponse());
    }

    /// <summary>Deletes a received message; <paramref name="popReceipt"/> is the one from its latest receive or update.</summary>
    public async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessageRequest(RequestMethod.Delete, messageId, popReceipt);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>
    /// Hides a received message for <paramref name="visibilityTimeout"/> more (0 to 7 days) and, when
    /// <paramref name="messageText"/> is given, replaces its content. Returns the new pop receipt.
    /// </summary>
    public async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, string? messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessageRequest(RequestMethod.Put, messageId, popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout, nameof(visibilityTimeout), s_maxVisibilityTimeout));
        if (messageText is not null)
        {
            SetBody(message.Request, QueueMessageCodec.Encode(BinaryData.FromString(messageText), _encoding));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible);
        return Response.FromValue(new UpdateReceipt(newReceipt ?? string.Empty, QueueMessageReader.ParseDate(nextVisible) ?? default), response);
    }

    internal static Uri ForEndpoint(Uri queueEndpoint, string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        return new Uri(queueEndpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + Uri.EscapeDataString(queueName));
    }

    private HttpMessage CreateSendRequest(BinaryData body, TimeSpan? visibilityTimeout, TimeSpan? timeToLive)
    {
        var encoded = QueueMessageCodec.Encode(body, _encoding);
        var message = CreateRequest(RequestMethod.Post, _messagesUri);
        if (visibilityTimeout is { } hidden)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(hidden, nameof(visibilityTimeout), s_maxVisibilityTimeout));
        }

        if (timeToLive is { } ttl)
        {
            message.Request.Uri.AppendQuery("messagettl", ttl == TimeSpan.FromSeconds(-1) ? "-1" : Seconds(ttl, nameof(timeToLive), TimeSpan.MaxValue));
        }

        SetBody(message.Request, encoded);
        return message;
    }

    private HttpMessage CreateReceiveRequest(int? maxMessages, TimeSpan? visibilityTimeout, bool peekOnly)
    {
        var message = CreateRequest(RequestMethod.Get, _messagesUri);
        var uri = message.Request.Uri;
        if (peekOnly)
        {
            uri.AppendQuery("peekonly", "true");
        }

        if (maxMessages is { } count)
        {
            if (count is < 1 or > 32)
            {
                throw new ArgumentOutOfRangeException(nameof(maxMessages), count, "A receive or peek takes 1 to 32 messages.");
            }

            uri.AppendQuery("numofmessages", count.ToString(CultureInfo.InvariantCulture));
        }

        if (visibilityTimeout is { } hidden)
        {
            uri.AppendQuery("visibilitytimeout", Seconds(hidden, nameof(visibilityTimeout), s_maxVisibilityTimeout));
        }

        return message;
    }

    private HttpMessage CreateMessageRequest(RequestMethod method, string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var message = CreateRequest(method, new Uri(_messagesUri.AbsoluteUri + "/" + Uri.EscapeDataString(messageId)));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        return message;
    }

    private HttpMessage CreatePropertiesRequest()
    {
        var message = CreateRequest(RequestMethod.Get, Uri);
        message.Request.Uri.AppendQuery("comp", "metadata");
        return message;
    }

    private HttpMessage CreateRequest(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }

    private static void SetBody(Request request, string encodedText)
    {
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml");
        request.Content = QueueMessageCodec.CreateBody(encodedText);
    }

    private static string Seconds(TimeSpan value, string name, TimeSpan max)
    {
        if (value < TimeSpan.Zero || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between zero and {max}.");
        }

        return ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
