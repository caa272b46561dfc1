using System.Text;
using Azure;

namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// The <c>multipart/mixed</c> body of an entity group transaction: one batch holding one changeset of
/// <c>application/http</c> parts, lines ending in CRLF
/// ("Performing entity group transactions", https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).
/// </summary>
internal static class TransactionBody
{
    public static (byte[] Body, string ContentType) Build(string tableUrl, string tableName, string baseUrl, IReadOnlyList<(TableTransactionAction Action, EntityPayload Entity)> actions)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        using var body = new MemoryStream();
        Write(body, $"--{batch}\r\nContent-Type: multipart/mixed; boundary={changeset}\r\n\r\n");
        foreach (var (action, entity) in actions)
        {
            Write(body, $"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            var (method, url, ifMatch) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUrl, null),
                TableTransactionActionType.Delete => ("DELETE", EntityUrl(), IfMatch(action.ETag)),
                TableTransactionActionType.UpdateMerge => ("MERGE", EntityUrl(), IfMatch(action.ETag)),
                TableTransactionActionType.UpdateReplace => ("PUT", EntityUrl(), IfMatch(action.ETag)),
                TableTransactionActionType.UpsertMerge => ("MERGE", EntityUrl(), null),
                TableTransactionActionType.UpsertReplace => ("PUT", EntityUrl(), (string?)null),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action type."),
            };

            var headers = new StringBuilder()
                .Append($"{method} {url} HTTP/1.1\r\n")
                .Append("Accept: application/json;odata=minimalmetadata\r\n")
                .Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                headers.Append($"If-Match: {ifMatch}\r\n");
            }

            if (action.ActionType == TableTransactionActionType.Delete)
            {
                Write(body, headers.Append("\r\n").ToString());
                continue;
            }

            headers.Append("Content-Type: application/json\r\n");
            if (action.ActionType == TableTransactionActionType.Add)
            {
                headers.Append("Prefer: return-no-content\r\n");
            }

            Write(body, headers.Append("\r\n").ToString());
            body.Write(EntityJson.Write(entity));
            Write(body, "\r\n");

            string EntityUrl() => baseUrl + EntityPath.For(tableName, entity.PartitionKey, entity.RowKey);
        }

        Write(body, $"--{changeset}--\r\n--{batch}--\r\n");
        return (body.ToArray(), $"multipart/mixed; boundary={batch}");
    }

    /// <summary>The If-Match value for a conditional action: the ETag as the service gave it, or <c>*</c> for any version.</summary>
    public static string IfMatch(ETag etag) => etag == default || etag == ETag.All ? "*" : etag.ToString();

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
