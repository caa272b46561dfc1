using Azure.Core;
using Azure.Core.Pipeline;

namespace Pcc.BulkIngest;

/// <summary>
/// Counts the entity writes sent to one table endpoint: each insert, upsert, merge or delete of an entity, and each
/// operation inside a <c>$batch</c> transaction. Table creation and deletion are not counted. Hand-written: the SDK
/// exposes no per-entity write count.
/// </summary>
public sealed class TableWriteCounter(Uri tableEndpoint) : HttpPipelineSynchronousPolicy
{
    private static readonly string[] s_operations = ["\nPUT ", "\nPOST ", "\nPATCH ", "\nMERGE ", "\nDELETE "];
    private long _writes;
    private long _requests;

    /// <summary>Entity writes counted so far.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Requests that carried them (a transaction is one).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        if (request.Uri.Port != tableEndpoint.Port || request.Method == RequestMethod.Get)
        {
            return;
        }

        var path = request.Uri.Path;
        if (path.EndsWith("$batch", StringComparison.Ordinal))
        {
            Interlocked.Add(ref _writes, CountBatchOperations(request.Content));
            Interlocked.Increment(ref _requests);
        }
        else if (!path.EndsWith("/Tables", StringComparison.Ordinal) && !path.Contains("/Tables(", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _writes);
            Interlocked.Increment(ref _requests);
        }
    }

    private static int CountBatchOperations(RequestContent? content)
    {
        if (content is null)
        {
            return 0;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        var body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        return s_operations.Sum(op => CountOccurrences(body, op));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
