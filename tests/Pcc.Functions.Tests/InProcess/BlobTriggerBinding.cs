using System.Text.Json;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// A blob trigger (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger).
/// <see cref="Source"/> is <c>EventGrid</c> on Flex Consumption, which has no container polling,
/// or <c>LogsAndContainerScan</c> elsewhere.
/// </summary>
public sealed record BlobTriggerBinding(string Name, string Path, string Connection, string Source)
    : FunctionBinding("blobTrigger", "in", Name)
{
    /// <summary>The polling source.</summary>
    public const string LogsAndContainerScan = "LogsAndContainerScan";

    /// <summary>The Event Grid source, required on Flex Consumption.</summary>
    public const string EventGrid = "EventGrid";

    /// <summary>The container part of <see cref="Path"/>.</summary>
    public string Container => Path.Split('/', 2)[0];

    /// <inheritdoc />
    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("path", Path);
        writer.WriteString("connection", Connection);
        writer.WriteString("source", Source);
    }
}
