using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;
using Pcc.Storage.Tables.Internal;

namespace Pcc.Storage.Tables;

public sealed partial class TableClient
{
    private const string JsonContentType = "application/json;odata=nometadata";
    private static readonly RequestMethod s_merge = new("MERGE");

    private HttpMessage CreateCreateTableRequest()
    {
        var message = CreateMessage(RequestMethod.Post, "/Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message, Encoding.UTF8.GetBytes($"{{\"TableName\":\"{Name}\"}}"));
        return message;
    }

    private HttpMessage CreateDeleteTableRequest() => CreateMessage(RequestMethod.Delete, $"/Tables('{Name}')");

    private HttpMessage CreateAddEntityRequest(EntityPayload entity)
    {
        var message = CreateMessage(RequestMethod.Post, "/" + Name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message, EntityJson.Write(entity));
        return message;
    }

    private HttpMessage CreateUpsertEntityRequest(EntityPayload entity, TableUpdateMode mode)
    {
        // No If-Match: the service inserts the entity when it is missing.
        var message = CreateMessage(Method(mode), EntityPath.For(Name, entity.PartitionKey, entity.RowKey));
        SetJsonContent(message, EntityJson.Write(entity));
        return message;
    }

    private HttpMessage CreateUpdateEntityRequest(EntityPayload entity, ETag ifMatch, TableUpdateMode mode)
    {
        var message = CreateMessage(Method(mode), EntityPath.For(Name, entity.PartitionKey, entity.RowKey));
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, TransactionBody.IfMatch(ifMatch));
        SetJsonContent(message, EntityJson.Write(entity));
        return message;
    }

    private HttpMessage CreateDeleteEntityRequest(string partitionKey, string rowKey, ETag ifMatch)
    {
        var message = CreateMessage(RequestMethod.Delete, EntityPath.For(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, TransactionBody.IfMatch(ifMatch));
        return message;
    }

    private HttpMessage CreateGetEntityRequest(string partitionKey, string rowKey, IEnumerable<string>? select)
    {
        var message = CreateMessage(RequestMethod.Get, EntityPath.For(Name, partitionKey, rowKey));
        AppendSelect(message, select);
        return message;
    }

    private HttpMessage CreateQueryRequest(string? filter, int? top, IEnumerable<string>? select, string? continuation)
    {
        var message = CreateMessage(RequestMethod.Get, $"/{Name}()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter, escapeValue: true);
        }

        if (top is not null)
        {
            uri.AppendQuery("$top", top.Value.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        AppendSelect(message, select);
        var (nextPartitionKey, nextRowKey) = ContinuationToken.Parse(continuation);
        if (nextPartitionKey is not null)
        {
            uri.AppendQuery("NextPartitionKey", nextPartitionKey, escapeValue: true);
        }

        if (nextRowKey is not null)
        {
            uri.AppendQuery("NextRowKey", nextRowKey, escapeValue: true);
        }

        return message;
    }

    private HttpMessage CreateTransactionRequest(IReadOnlyList<TableTransactionAction> actions)
    {
        var payloads = ValidateTransaction(actions);
        var (body, contentType) = TransactionBody.Build(_baseUrl + "/" + Name, Name, _baseUrl, payloads);
        if (body.Length > MaxTransactionBytes)
        {
            throw new ArgumentException(
                $"The transaction's request is {body.Length:N0} bytes; the service accepts at most 4 MiB ({MaxTransactionBytes:N0} bytes).", nameof(actions));
        }

        var message = CreateMessage(RequestMethod.Post, "/$batch");
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, contentType);
        message.Request.Content = RequestContent.Create(body);
        return message;
    }

    /// <summary>A request to <paramref name="path"/> (already percent-encoded) asking for JSON with type annotations.</summary>
    private HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(_baseUrl + path));
        // Minimal metadata brings @odata.type annotations, without which Int64 values read back as strings.
        request.Headers.SetValue(HttpHeader.Names.Accept, "application/json;odata=minimalmetadata");
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJsonContent(HttpMessage message, byte[] json)
    {
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, JsonContentType);
        message.Request.Content = RequestContent.Create(json);
    }

    private static void AppendSelect(HttpMessage message, IEnumerable<string>? select)
    {
        var columns = select?.ToArray();
        if (columns is { Length: > 0 })
        {
            message.Request.Uri.AppendQuery("$select", string.Join(',', columns), escapeValue: true);
        }
    }

    private static RequestMethod Method(TableUpdateMode mode) => mode == TableUpdateMode.Replace ? RequestMethod.Put : s_merge;
}
