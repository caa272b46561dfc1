using Azure.Storage.Blobs;

namespace Pcc.Functions.Ingestion;

/// <summary>
/// The blob-triggered IngestBriefing function. The blob is re-read by name rather than taken from the trigger, so the
/// ingest always sees the blob's current content and ETag. An unreadable document is a handled outcome (its report
/// says why); only an unexpected failure, such as storage being unavailable, fails the invocation, so the host retries it.
/// </summary>
public sealed class IngestBriefingFunction(BriefingIngestor ingestor)
{
    /// <summary>The function's name.</summary>
    public const string Name = "IngestBriefing";

    /// <summary>The connection setting of the briefings' storage account.</summary>
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>How the host learns of new blobs: Event Grid, unless built with <c>BlobTriggerSource=LogsAndContainerScan</c> (see the project file).</summary>
#if BLOB_TRIGGER_SCAN
    public const BlobTriggerSource Source = BlobTriggerSource.LogsAndContainerScan;
#else
    public const BlobTriggerSource Source = BlobTriggerSource.EventGrid;
#endif

    /// <summary>Ingests one uploaded version of a briefing.</summary>
    /// <remarks>
    /// The trigger binds a <see cref="BlobClient"/>, not the content: the worker builds the client from the host's
    /// <c>model_binding_data</c> without downloading anything, and the ingestor downloads the blob once, with its ETag
    /// (the binding of Azure/azure-functions-dotnet-worker samples/Extensions/Blob/BlobTriggerBindingSamples.cs).
    /// Flex Consumption delivers blob triggers only through Event Grid (<see cref="Source"/>; README for running it locally).
    /// </remarks>
    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger("briefings/{name}", Source = Source, Connection = Connection)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        // The ingestor logs the outcome, as a warning when the document was not ingested.
        await ingestor.IngestAsync(name, cancellationToken);
    }
}
