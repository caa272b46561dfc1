using System.Globalization;
using Azure.Storage.Queues.Models;
using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Payloads;

/// <summary>
/// A queue trigger's input as the Functions host sends it to an isolated worker: the message text as the trigger's
/// data, and the message's metadata (<c>Id</c>, <c>DequeueCount</c>, <c>InsertionTime</c>, <c>ExpirationTime</c>,
/// <c>NextVisibleTime</c>, <c>PopReceipt</c>;
/// https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger#message-metadata).
/// </summary>
public static class QueueTriggerInput
{
    /// <summary>Adds the input of <paramref name="message"/> to <paramref name="request"/>.</summary>
    public static void Fill(InvocationRequest request, string bindingName, QueueMessage message)
    {
        request.InputData.Add(new ParameterBinding { Name = bindingName, Data = new TypedData { String = message.Body.ToString() } });
        request.TriggerMetadata["Id"] = new TypedData { String = message.MessageId };
        request.TriggerMetadata["DequeueCount"] = new TypedData { Json = message.DequeueCount.ToString(CultureInfo.InvariantCulture) };
        request.TriggerMetadata["PopReceipt"] = new TypedData { String = message.PopReceipt };
        Time(request, "InsertionTime", message.InsertedOn);
        Time(request, "ExpirationTime", message.ExpiresOn);
        Time(request, "NextVisibleTime", message.NextVisibleOn);
    }

    private static void Time(InvocationRequest request, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            request.TriggerMetadata[name] = new TypedData { Json = $"\"{time.UtcDateTime:O}\"" };
        }
    }
}
