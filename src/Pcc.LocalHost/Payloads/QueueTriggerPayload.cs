using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;

namespace Pcc.LocalHost.Payloads;

/// <summary>
/// The invocation for a queue trigger: <c>Data.{binding}</c> is the message text, and the metadata the host binds
/// (<c>Id</c>, <c>DequeueCount</c>, <c>InsertionTime</c>, <c>ExpirationTime</c>, <c>NextVisibleTime</c>, <c>PopReceipt</c>;
/// https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger#message-metadata).
/// </summary>
public static class QueueTriggerPayload
{
    /// <summary>Builds the payload for one received message.</summary>
    public static JsonObject Create(string functionName, string bindingName, QueueMessage message, DateTimeOffset now) => new()
    {
        ["Data"] = new JsonObject { [bindingName] = message.Body.ToString() },
        ["Metadata"] = new JsonObject
        {
            ["Id"] = message.MessageId,
            ["DequeueCount"] = message.DequeueCount.ToString(CultureInfo.InvariantCulture),
            ["InsertionTime"] = message.InsertedOn?.ToString("O"),
            ["ExpirationTime"] = message.ExpiresOn?.ToString("O"),
            ["NextVisibleTime"] = message.NextVisibleOn?.ToString("O"),
            ["PopReceipt"] = message.PopReceipt,
            ["sys"] = SysMetadata.Create(functionName, now),
        },
    };
}
