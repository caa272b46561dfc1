using System.Text.Json;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// A storage queue trigger: <c>queueName</c> may be a <c>%AppSetting%</c>
/// (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger).
/// </summary>
public sealed record QueueTriggerBinding(string Name, string QueueName, string Connection)
    : FunctionBinding("queueTrigger", "in", Name)
{
    /// <inheritdoc />
    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("queueName", QueueName);
        writer.WriteString("connection", Connection);
    }
}
