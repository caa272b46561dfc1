using Azure.Storage.Blobs;
using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Ingestion;

namespace Pcc.Functions.Ingestion;

/// <summary>
/// The blob-triggered IngestBriefing function. Its container and connection are the app settings the store reads
/// (<c>Storage:BriefingsContainer</c>, <c>Storage:Connection</c>), so the trigger watches where the app keeps briefings.
/// An unreadable document is a handled outcome (its report says why); only an unexpected failure, such as storage
/// being unavailable, fails the invocation, so the host retries it.
/// </summary>
public sealed class IngestBriefingFunction(BriefingIngestor ingestor)
{
    /// <summary>The function's name.</summary>
    public const string Name = "IngestBriefing";

    /// <summary>The trigger's path: the briefings container named by the app setting the store reads.</summary>
    public const string Path = "%" + StorageOptions.Section + ":" + nameof(StorageOptions.BriefingsContainer) + "%/{name}";

    /// <summary>The trigger's connection: the connection setting named by the app setting the store reads.</summary>
    public const string Connection = "%" + StorageOptions.Section + ":" + nameof(StorageOptions.Connection) + "%";

    /// <summary>How the host learns of new blobs: Event Grid, unless built with <c>BlobTriggerSource=LogsAndContainerScan</c> (see the project file).</summary>
#if BLOB_TRIGGER_SCAN
    public const BlobTriggerSource Source = BlobTriggerSource.LogsAndContainerScan;
#else
    public const BlobTriggerSource Source = BlobTriggerSource.EventGrid;
#endif

    /// <summary>Ingests one uploaded version of a briefing.</summary>
    /// <remarks>
    /// The trigger binds a <see cref="BlobClient"/>, not the content: the worker builds it from the host's
    /// <c>model_binding_data</c> without a request (Azure/azure-functions-dotnet-worker
    /// samples/Extensions/Blob/BlobTriggerBindingSamples.cs). Only its name is taken: the ingestor reads the blob
    /// through the app's own client, pinned to the service version the app supports, its properties first (the length
    /// is checked before anything is downloaded) and then this version's content, once.
    /// Flex Consumption delivers blob triggers only through Event Grid (<see cref="Source"/>; README for running it locally).
    /// </remarks>
    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(Path, Source = Source, Connection = Connection)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        // The ingestor logs the outcome, as a warning when the document was not ingested.
        await ingestor.IngestAsync(blob.Name, cancellationToken);
    }
}
